/**
 * A small typed wrapper over fetch for the JSON API under /api. Every failure
 * becomes an ApiError whose message is Japanese and fit to show as is: the
 * API's own `error.message` when it sent one.
 */
import type { Meeting, MeetingList, Opinion, OpinionPage, Plan, PlanDetail, PlanList } from './types.js';

/** A failed API call; `message` is the Japanese text to show the user. */
export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The API's error code (`not_found`, `validation_failed` …), or `network` / `bad_response`. */
  readonly code: string;

  constructor(message: string, status: number, code: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type Query = Record<string, string | number | undefined>;

/** Largest page the opinion list gives; the meeting page wants every opinion. */
const OPINION_PAGE_SIZE = 200;
/** Guards against a cursor that never ends (a server bug must not hang the page). */
const MAX_PAGES = 100;

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Typed access to the API; one instance is provided to every element through api-context. */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;

  /**
   * @param baseUrl where the API lives (same origin by default)
   * @param fetchFn fetch to use; replaceable in tests
   */
  constructor(baseUrl = '/api', fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
    this.#baseUrl = baseUrl.replace(/\/$/, '');
    this.#fetch = fetchFn;
  }

  /** GET a JSON resource; throws ApiError on any failure. */
  async get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const url = `${this.#baseUrl}${path}${params.size ? `?${params}` : ''}`;

    let response: Response;
    try {
      response = await this.#fetch(url, { headers: { Accept: 'application/json' }, signal: signal ?? null });
    } catch (error) {
      // An abort is not a failure to report: the caller moved on.
      if (signal?.aborted) throw error;
      throw new ApiError('サーバーに接続できませんでした。時間をおいて、もう一度お試しください。', 0, 'network');
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      if (isErrorBody(body)) throw new ApiError(body.error.message, response.status, body.error.code);
      throw new ApiError(`サーバーでエラーが発生しました（HTTP ${response.status}）。`, response.status, 'bad_response');
    }
    if (body === undefined) throw new ApiError('サーバーの応答を読み取れませんでした。', response.status, 'bad_response');
    return body as T;
  }

  /** Meetings and public comments, as the API orders them. */
  async listMeetings(signal?: AbortSignal): Promise<Meeting[]> {
    return (await this.get<MeetingList>('/meetings', {}, signal)).items;
  }

  getMeeting(id: number, signal?: AbortSignal): Promise<Meeting> {
    return this.get<Meeting>(`/meetings/${id}`, {}, signal);
  }

  /** Every opinion matching the filter, following `nextCursor` to the last page. */
  async listAllOpinions(filter: { meetingId?: number }, signal?: AbortSignal): Promise<Opinion[]> {
    const items: Opinion[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.get<OpinionPage>('/opinions', { ...filter, limit: OPINION_PAGE_SIZE, cursor }, signal);
      items.push(...result.items);
      if (result.nextCursor === null || result.nextCursor === cursor) return items;
      cursor = result.nextCursor;
    }
    return items;
  }

  async listPlans(signal?: AbortSignal): Promise<Plan[]> {
    return (await this.get<PlanList>('/plans', {}, signal)).items;
  }

  getPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
    return this.get<PlanDetail>(`/plans/${id}`, {}, signal);
  }
}
