/**
 * A small typed wrapper over fetch for the JSON API under /api. Every failure
 * becomes an ApiError whose message is Japanese and fit to show as is: the
 * API's own `error.message` (and its `details`) when it sent one.
 */
import type {
  ImportKind,
  ImportResult,
  Meeting,
  MeetingList,
  Opinion,
  OpinionPage,
  Plan,
  PlanDetail,
  PlanList,
  ProgressSummary,
} from './types.js';

/** One entry of the API's `error.details`: which field or line, and what is wrong with it. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A failed API call; `message` is the Japanese text to show the user. */
export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The API's error code (`not_found`, `validation_failed` …), or `network` / `bad_response`. */
  readonly code: string;
  /** The API's per-field (or per-line) details, when it sent any. */
  readonly details: readonly ApiErrorDetail[];

  constructor(message: string, status: number, code: string, details: readonly ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/** What a document to import is: a chosen file, or text pasted into the page. */
export type ImportSource = { file: File } | { text: string };

/** Options of POST /api/imports. */
export interface ImportOptions {
  /** Omitted: the API detects the kind from the content. */
  kind?: ImportKind | undefined;
  /** True: nothing is written; the answer says what would be created. */
  dryRun: boolean;
}

/** Formats the export links offer. */
export type ReportFormat = 'html' | 'csv' | 'xlsx';
export type SummaryFormat = 'json' | 'csv' | 'xlsx';

/** Largest page the opinion list gives; the meeting page wants every opinion. */
const OPINION_PAGE_SIZE = 200;
/** Guards against a cursor that never ends (a server bug must not hang the page). */
const MAX_PAGES = 100;

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** The well-formed entries of an error body's `details` (anything else is dropped). */
function detailsOf(details: unknown): ApiErrorDetail[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is { path?: unknown; message: string } => typeof d === 'object' && d !== null && typeof d.message === 'string')
    .map((d) => ({ path: typeof d.path === 'string' ? d.path : '', message: d.message }));
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

  /** The URL of an API path with its query (undefined values left out); also used for download links. */
  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return `${this.#baseUrl}${path}${params.size ? `?${params}` : ''}`;
  }

  /** Sends a request and reads its JSON answer; throws ApiError on any failure. */
  async #request<T>(method: 'GET' | 'POST', path: string, query: Query, init: { body?: BodyInit; contentType?: string; signal?: AbortSignal | undefined }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // A FormData body sets its own multipart type (with the boundary).
    if (init.contentType) headers['Content-Type'] = init.contentType;

    let response: Response;
    try {
      response = await this.#fetch(this.url(path, query), {
        method,
        headers,
        body: init.body ?? null,
        signal: init.signal ?? null,
      });
    } catch (error) {
      // An abort is not a failure to report: the caller moved on.
      if (init.signal?.aborted) throw error;
      throw new ApiError('サーバーに接続できませんでした。時間をおいて、もう一度お試しください。', 0, 'network');
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      if (isErrorBody(body)) throw new ApiError(body.error.message, response.status, body.error.code, detailsOf(body.error.details));
      if (response.status === 413)
        throw new ApiError('資料が大きすぎるため、受け付けられませんでした。', response.status, 'payload_too_large');
      throw new ApiError(`サーバーでエラーが発生しました（HTTP ${response.status}）。`, response.status, 'bad_response');
    }
    if (body === undefined) throw new ApiError('サーバーの応答を読み取れませんでした。', response.status, 'bad_response');
    return body as T;
  }

  /** GET a JSON resource; throws ApiError on any failure. */
  get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    return this.#request<T>('GET', path, query, { signal });
  }

  /**
   * POST a body (text, FormData …) and read the JSON answer; throws ApiError on
   * any failure. `contentType` is left out for FormData.
   */
  post<T>(path: string, body: BodyInit, options: { query?: Query; contentType?: string; signal?: AbortSignal } = {}): Promise<T> {
    return this.#request<T>('POST', path, options.query ?? {}, {
      body,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      signal: options.signal,
    });
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

  /**
   * POST /api/imports: a file goes as multipart/form-data (field `file`),
   * pasted text as text/plain in UTF-8.
   */
  importDocument(source: ImportSource, options: ImportOptions, signal?: AbortSignal): Promise<ImportResult> {
    const query: Query = { kind: options.kind, dryRun: options.dryRun ? 'true' : undefined };
    if ('file' in source) {
      const form = new FormData();
      form.append('file', source.file, source.file.name);
      return this.post<ImportResult>('/imports', form, { query, ...(signal ? { signal } : {}) });
    }
    return this.post<ImportResult>('/imports', source.text, {
      query,
      contentType: 'text/plain; charset=utf-8',
      ...(signal ? { signal } : {}),
    });
  }

  /** GET /api/progress/summary for a plan; `period` omitted: the latest period with reports. */
  getProgressSummary(query: { planId: number; period?: string | undefined }, signal?: AbortSignal): Promise<ProgressSummary> {
    return this.get<ProgressSummary>('/progress/summary', query, signal);
  }

  /** Where the 取組状況の総括 downloads (CSV, Excel) are. */
  progressSummaryUrl(query: { planId: number; period?: string | null | undefined }, format: SummaryFormat): string {
    return this.url('/progress/summary', { planId: query.planId, period: query.period ?? undefined, format });
  }

  /** Where a meeting's 実施結果報告書 is: HTML for printing (the default), CSV or Excel. */
  meetingReportUrl(id: number, format: ReportFormat = 'html'): string {
    return this.url(`/meetings/${id}/report`, format === 'html' ? {} : { format });
  }
}
