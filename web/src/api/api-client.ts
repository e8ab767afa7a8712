/**
 * A small typed wrapper over fetch for the JSON API under /api. Every failure
 * becomes an ApiError whose message is Japanese and fit to show as is: the
 * API's own `error.message` (and its `details`) when it sent one.
 */
import type {
  AuditEntry,
  Commenter,
  CommentReceipt,
  Department,
  DuplicateGroup,
  Evaluation,
  Me,
  NodeDetail,
  ProgressReport,
  ReportingPeriodList,
  ReportingPeriod,
  OpinionTimeline,
  NodeTimeline,
  ProgressInput,
  NotReported,
  Notices,
  SummaryGroupBy,
  OpinionResponse,
  ResponseAction,
  ResponseVersion,
  Role,
  User,
  ImportKind,
  ImportResult,
  Meeting,
  MeetingList,
  MeetingFollowUp,
  NodeSuggestions,
  Opinion,
  OpinionPage,
  Plan,
  PlanDetail,
  PlanList,
  ProgressSummary,
  RelatedOpinions,
  SearchParams,
  SearchResult,
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
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
interface RequestOptions {
  body?: BodyInit;
  contentType?: string;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
}

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

/** The query of GET /api/progress/summary (JSON). */
export interface SummaryQuery {
  planId: number;
  period?: string | undefined;
  groupBy?: SummaryGroupBy | undefined;
  level?: string | undefined;
}
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
  async #request<T>(method: Method, path: string, query: Query, init: RequestOptions): Promise<T> {
    return (await this.#exchange<T>(method, path, query, init)).body;
  }

  /** Sends a request; answers its JSON body and its ETag (the version an editor starts from). */
  async #exchange<T>(method: Method, path: string, query: Query, init: RequestOptions): Promise<{ body: T; etag: string | null }> {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
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
    return { body: body as T, etag: response.headers.get('ETag') };
  }

  /** Sends JSON with `method` and reads the JSON answer. */
  #json<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, value: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.#request<T>(method, path, {}, { body: JSON.stringify(value), contentType: 'application/json', headers });
  }

  /** Sends JSON to a response route and keeps the answer's ETag with it. */
  async #responseExchange(method: 'PUT' | 'POST', path: string, value: unknown, etag: string | null | undefined): Promise<{ response: OpinionResponse; etag: string | null }> {
    const { body, etag: next } = await this.#exchange<OpinionResponse>(method, path, {}, {
      body: JSON.stringify(value),
      contentType: 'application/json',
      headers: etag ? { 'If-Match': etag } : {},
    });
    return { response: body, etag: next };
  }

  /**
   * The signed-in person, or null for the public. Asks better-auth's session
   * endpoint, which answers the public with null rather than 401 (a 401 would
   * show as an error in the browser's console on every public page).
   */
  async me(signal?: AbortSignal): Promise<Me | null> {
    type Session = { user: { id: string; email: string; name: string; role: Me['role']; departmentId?: number | null } } | null;
    const session = await this.get<Session>('/auth/get-session', {}, signal);
    if (!session?.user) return null;
    const { id, email, name, role, departmentId } = session.user;
    return { id: Number(id), email, name, role, departmentId: departmentId ?? null };
  }

  /** Signs in; the session cookie is set by the answer. Throws ApiError (401 wrong password, 429 too many failures). */
  async signIn(email: string, password: string): Promise<Me> {
    await this.#json('POST', '/auth/sign-in/email', { email, password });
    const me = await this.me();
    if (!me) throw new ApiError('サインインできませんでした。もう一度お試しください。', 401, 'unauthorized');
    return me;
  }

  async signOut(): Promise<void> {
    await this.#json('POST', '/auth/sign-out', {});
  }

  async listDepartments(signal?: AbortSignal): Promise<Department[]> {
    return (await this.get<{ items: Department[] }>('/departments', {}, signal)).items;
  }

  async listUsers(signal?: AbortSignal): Promise<User[]> {
    return (await this.get<{ items: User[] }>('/users', {}, signal)).items;
  }

  createUser(input: { email: string; name: string; role: Role; departmentId?: number | null; password: string }): Promise<User> {
    return this.#json<User>('POST', '/users', input);
  }

  updateUser(id: number, input: { name?: string; role?: Role; departmentId?: number | null; active?: boolean; password?: string }): Promise<User> {
    return this.#json<User>('PATCH', `/users/${id}`, input);
  }

  getOpinion(id: number, signal?: AbortSignal): Promise<Opinion> {
    return this.get<Opinion>(`/opinions/${id}`, {}, signal);
  }

  /** The response and its ETag (null when the reader may not edit from it). */
  async getResponse(opinionId: number, signal?: AbortSignal): Promise<{ response: OpinionResponse; etag: string | null }> {
    const { body, etag } = await this.#exchange<OpinionResponse>('GET', `/opinions/${opinionId}/response`, {}, { signal });
    return { response: body, etag };
  }

  /**
   * Saves the response text. `etag` is the version the editor started from
   * (null for a first draft); a stale one answers 412 (ApiError code precondition_failed).
   */
  saveResponse(opinionId: number, text: string, etag: string | null): Promise<{ response: OpinionResponse; etag: string | null }> {
    return this.#responseExchange('PUT', `/opinions/${opinionId}/response`, { text }, etag);
  }

  /** Moves the response through its workflow (submit, return with a comment, approve, publish). */
  transitionResponse(opinionId: number, action: ResponseAction, comment?: string, etag?: string | null): Promise<{ response: OpinionResponse; etag: string | null }> {
    return this.#responseExchange('POST', `/opinions/${opinionId}/response/transitions`, { action, ...(comment ? { comment } : {}) }, etag);
  }

  async listResponseVersions(opinionId: number, signal?: AbortSignal): Promise<ResponseVersion[]> {
    return (await this.get<{ items: ResponseVersion[] }>(`/opinions/${opinionId}/response/versions`, {}, signal)).items;
  }

  /** Publishes every approved response of a meeting; answers how many. */
  publishMeeting(meetingId: number): Promise<{ published: number }> {
    return this.#json<{ published: number }>('POST', `/meetings/${meetingId}/publish`, {});
  }

  /** Sends a public comment; answers the receipt number. `website` is the hidden field people leave empty. */
  submitComment(meetingId: number, input: { text: string; name?: string; email?: string; address?: string; website?: string }): Promise<CommentReceipt> {
    return this.#json<CommentReceipt>('POST', `/meetings/${meetingId}/comments`, input);
  }

  /** Who sent a public comment; null for an opinion typed in or imported. */
  getCommenter(opinionId: number, signal?: AbortSignal): Promise<Commenter | null> {
    return this.get<Commenter | null>(`/opinions/${opinionId}/commenter`, {}, signal);
  }

  async listDuplicateCandidates(meetingId: number, signal?: AbortSignal): Promise<DuplicateGroup[]> {
    return (await this.get<{ groups: DuplicateGroup[] }>(`/meetings/${meetingId}/duplicates`, {}, signal)).groups;
  }

  /**
   * Changes some of an opinion's fields (担当課, 対応期限, 施策 …); answers the
   * opinion as it is now. A refusal (400) names each field in its details.
   */
  updateOpinion(id: number, patch: { departmentId?: number | null; dueOn?: string | null; nodeIds?: number[] }): Promise<Opinion> {
    return this.#json<Opinion>('PATCH', `/opinions/${id}`, patch);
  }

  /** Marks an opinion as saying what `duplicateOfId` says (null undoes it). */
  markDuplicate(opinionId: number, duplicateOfId: number | null): Promise<Opinion> {
    return this.#json<Opinion>('PATCH', `/opinions/${opinionId}`, { duplicateOfId });
  }

  /**
   * GET /api/search: one page of hits with the facet counts. Pass the signal
   * of the request's AbortController: search-as-you-type aborts the previous
   * request as soon as the words change.
   */
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
    return this.get<SearchResult>('/search', { ...params }, signal);
  }

  /** Opinions raised at other meetings that say something alike (everyone may ask; 404 when the opinion is not readable). */
  relatedOpinions(opinionId: number, limit = 5, signal?: AbortSignal): Promise<RelatedOpinions> {
    return this.get<RelatedOpinions>(`/opinions/${opinionId}/related`, { limit }, signal);
  }

  /** Plan nodes the opinion might be linked to (secretariat and departments only). Link one with updateOpinion's nodeIds. */
  suggestedNodes(opinionId: number, limit = 5, signal?: AbortSignal): Promise<NodeSuggestions> {
    return this.get<NodeSuggestions>(`/opinions/${opinionId}/suggested-nodes`, { limit }, signal);
  }

  async listAudit(entity: string, id: number, signal?: AbortSignal): Promise<AuditEntry[]> {
    return (await this.get<{ items: AuditEntry[] }>('/audit', { entity, id }, signal)).items;
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

  /** A meeting's follow-up for the committee: each opinion's promise, latest status and timeline, overdue, stalled, not reported. */
  getMeetingFollowUp(id: number, signal?: AbortSignal): Promise<MeetingFollowUp> {
    return this.get<MeetingFollowUp>(`/meetings/${id}/follow-up`, {}, signal);
  }

  /** Every opinion matching the filter, following `nextCursor` to the last page. */
  async listAllOpinions(filter: { meetingId?: number; departmentId?: number; state?: string }, signal?: AbortSignal): Promise<Opinion[]> {
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

  /**
   * GET /api/progress/summary for a plan; `period` omitted: the latest period
   * with reports. `groupBy` omitted: by the plan's top-level nodes; `level`
   * names the level for groupBy=level (施策 …).
   */
  getProgressSummary(query: SummaryQuery, signal?: AbortSignal): Promise<ProgressSummary> {
    return this.get<ProgressSummary>('/progress/summary', { ...query }, signal);
  }

  /** Where the 取組状況の総括 downloads (CSV, Excel) are, for the same grouping as the table on screen. */
  progressSummaryUrl(query: { planId: number; period?: string | null | undefined; groupBy?: SummaryGroupBy | undefined; level?: string | undefined }, format: SummaryFormat): string {
    return this.url('/progress/summary', { planId: query.planId, period: query.period ?? undefined, groupBy: query.groupBy, level: query.level, format });
  }

  /** GET /api/periods: the reporting periods opened or closed by the secretariat, and the current one. */
  listPeriods(signal?: AbortSignal): Promise<ReportingPeriodList> {
    return this.get<ReportingPeriodList>('/periods', {}, signal);
  }

  /** GET /api/nodes/{id}: the node, its ancestors, children, indicators and linked opinions. */
  getNode(id: number, signal?: AbortSignal): Promise<NodeDetail> {
    return this.get<NodeDetail>(`/nodes/${id}`, {}, signal);
  }

  /** The node's 事務事業評価, oldest fiscal year first. */
  async listEvaluations(nodeId: number, signal?: AbortSignal): Promise<Evaluation[]> {
    return (await this.get<{ items: Evaluation[] }>(`/nodes/${nodeId}/evaluations`, {}, signal)).items;
  }

  /** The node's progress reports, one per period, oldest period first. */
  async listNodeProgress(nodeId: number, signal?: AbortSignal): Promise<ProgressReport[]> {
    return (await this.get<{ items: ProgressReport[] }>(`/nodes/${nodeId}/progress`, {}, signal)).items;
  }

  /** POST /api/periods: opens `period` (2025H1, 令和7年度上半期, 2025) for reports; 409 when it is already open. */
  openPeriod(period: string): Promise<ReportingPeriod> {
    return this.#json<ReportingPeriod>('POST', '/periods', { period });
  }

  /** Closes `period`: its reports are frozen until it is reopened. */
  closePeriod(period: string): Promise<ReportingPeriod> {
    return this.#json<ReportingPeriod>('POST', `/periods/${encodeURIComponent(period)}/close`, {});
  }

  /** Lifts the close of `period`, so reports and corrections are accepted again. */
  reopenPeriod(period: string): Promise<ReportingPeriod> {
    return this.#json<ReportingPeriod>('POST', `/periods/${encodeURIComponent(period)}/reopen`, {});
  }

  /** An opinion's response, commitment and status per period (404 when the reader may not see it). */
  getOpinionTimeline(opinionId: number, signal?: AbortSignal): Promise<OpinionTimeline> {
    return this.get<OpinionTimeline>(`/opinions/${opinionId}/timeline`, {}, signal);
  }

  /** A plan node's status per period. */
  getNodeTimeline(nodeId: number, signal?: AbortSignal): Promise<NodeTimeline> {
    return this.get<NodeTimeline>(`/nodes/${nodeId}/timeline`, {}, signal);
  }

  /** The opinion's progress reports, one per period with its earlier corrections, oldest period first. */
  async listOpinionProgress(opinionId: number, signal?: AbortSignal): Promise<ProgressReport[]> {
    return (await this.get<{ items: ProgressReport[] }>(`/opinions/${opinionId}/progress`, {}, signal)).items;
  }

  /**
   * Reports the status of an opinion's response or a plan node for a period;
   * a second report for the same period corrects it (the earlier one stays in
   * the history). A closed period answers 409 with the reason.
   */
  reportProgress(target: 'opinion' | 'node', id: number, input: ProgressInput): Promise<ProgressReport> {
    return this.#json<ProgressReport>('POST', `/${target === 'opinion' ? 'opinions' : 'nodes'}/${id}/progress`, input);
  }

  /** The items without a report for `period` (default: the current period), per department. */
  getNotReported(query: { period?: string | undefined; departmentId?: number | undefined } = {}, signal?: AbortSignal): Promise<NotReported> {
    return this.get<NotReported>('/progress/not-reported', query, signal);
  }

  /** GET /api/notices: what the signed-in person should act on (a department's own, the secretariat's reviews and not-reported count). */
  getNotices(signal?: AbortSignal): Promise<Notices> {
    return this.get<Notices>('/notices', {}, signal);
  }

  /** Where a meeting's 実施結果報告書 is: HTML for printing (the default), CSV or Excel. */
  meetingReportUrl(id: number, format: ReportFormat = 'html'): string {
    return this.url(`/meetings/${id}/report`, format === 'html' ? {} : { format });
  }
}
