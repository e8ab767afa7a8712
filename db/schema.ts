/**
 * The typed shape of the database, as Kysely sees it. Column names are
 * snake_case as in SQL; the API maps them to camelCase.
 *
 * Ids are integers handed out by `id_sequences` (see `db/ids.ts`) so that a
 * whole use case, parents and children, can be written in one atomic batch on
 * both SQLite and D1.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamp column filled by SQLite's default (ISO 8601, UTC). */
type CreatedAt = ColumnType<string, string | undefined, never>;
type UpdatedAt = ColumnType<string, string | undefined, string>;

export type PlanKind = 'comprehensive' | 'reform' | 'other';
export type MeetingKind = 'committee' | 'public_comment';
export type IndicatorDirection = 'increase' | 'decrease';
export type IndicatorValueKind = 'baseline' | 'target' | 'actual';
export type ResponseState = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type Commitment = 'implement' | 'continue' | 'consider' | 'difficult' | 'explain';
export type ProgressStatus = 'done' | 'on_track' | 'delayed' | 'not_started' | 'suspended';
export type Rating = 'A' | 'B' | 'C' | 'N';

export interface IdSequenceTable {
  name: string;
  next_id: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface BatchGuardTable {
  ok: number;
}

export interface DepartmentTable {
  id: number;
  name: string;
  bureau: string | null;
  /** NFKC-normalised "bureau name", unique: 企画部　経営企画課 and 企画部 経営企画課 are one department. */
  name_key: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanTable {
  id: number;
  title: string;
  municipality: string;
  kind: PlanKind;
  start_year: number;
  end_year: number;
  description: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanNodeTable {
  id: number;
  plan_id: number;
  parent_id: number | null;
  /** What this level is called in the plan: 重点戦略, 施策, 主な取組, 目標, 改革テーマ … */
  level: string;
  code: string | null;
  title: string;
  description: string | null;
  /** NFKC key of code, title and description, for matching. */
  search_key: ColumnType<string, string | undefined, string>;
  /** The department responsible (a project's 担当課), when known. */
  department_id: ColumnType<number | null, number | null | undefined, number | null>;
  position: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IndicatorTable {
  id: number;
  node_id: number;
  name: string;
  unit: string | null;
  /** 1 when the plan marks the indicator 【累計】. */
  cumulative: number;
  direction: IndicatorDirection;
  notes: string | null;
  /** NFKC key of name and notes, for matching. */
  search_key: ColumnType<string, string | undefined, string>;
  position: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IndicatorValueTable {
  id: number;
  indicator_id: number;
  fiscal_year: number;
  kind: IndicatorValueKind;
  value: number | null;
  /** The value as the document writes it: 2,831件, 集計中, 小 79.9% 中 66.3% … */
  display: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeetingTable {
  id: number;
  title: string;
  body: string | null;
  kind: MeetingKind;
  fiscal_year: number;
  held_on: string | null;
  theme: string | null;
  comment_opens_on: string | null;
  comment_closes_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OpinionTable {
  id: number;
  meeting_id: number;
  seq: number;
  text: string;
  /** NFKC-normalised, lower-cased text used for matching; `text` keeps what was written. */
  text_key: string;
  department_id: number | null;
  due_on: string | null;
  /** The opinion whose response also answers this one (an exact or near duplicate, e.g. a form letter). */
  duplicate_of: ColumnType<number | null, number | null | undefined, number | null>;
  /** The import that brought the opinion in (migration 0006); its one audit entry is the opinion's first. */
  import_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OpinionNodeTable {
  opinion_id: number;
  node_id: number;
}

export interface ResponseTable {
  id: number;
  opinion_id: number;
  text: string;
  /** NFKC key of the text, for matching. */
  text_key: ColumnType<string, string | undefined, string>;
  department_id: number | null;
  state: ResponseState;
  commitment: Commitment;
  /** 1 when a person set the commitment; it is then kept when the text changes. */
  commitment_overridden: number;
  version: number;
  /** The version the public sees, once one has been published. */
  published_version: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ResponseVersionTable {
  id: number;
  response_id: number;
  version: number;
  text: string;
  department_id: number | null;
  commitment: Commitment;
  created_at: CreatedAt;
}

export interface ResponseEventTable {
  id: number;
  response_id: number;
  version: number;
  /** edit (text saved), submit, return, approve, publish */
  action: string;
  from_state: ResponseState | null;
  to_state: ResponseState;
  comment: string | null;
  /** Who took the step (null for imports and the command line). */
  actor_id: ColumnType<string | null, string | null | undefined, never>;
  actor_name: ColumnType<string | null, string | null | undefined, never>;
  actor_role: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
}

export interface ProgressReportTable {
  id: number;
  opinion_id: number | null;
  node_id: number | null;
  /** "2021" (a fiscal year), "2021H1" (上半期) or "2021H2" (下半期). */
  period: string;
  fiscal_year: number;
  status: ProgressStatus;
  note: string | null;
  evidence_url: string | null;
  created_at: CreatedAt;
}

/** A reporting period the secretariat opened or closed (migration 0005). */
export interface ReportingPeriodTable {
  id: number;
  /** "2021", "2021H1" or "2021H2". */
  period: string;
  state: 'open' | 'closed';
  /** When the secretariat opened it; null when it was closed without being opened. */
  opened_at: string | null;
  closed_at: string | null;
  /** The user who closed it. */
  closed_by: string | null;
}

export interface EvaluationTable {
  id: number;
  node_id: number;
  fiscal_year: number;
  rating_progress: Rating;
  rating_level: Rating;
  rating_effectiveness: Rating;
  rating_efficiency: Rating;
  /** JSON object: { progress, level, effectiveness, efficiency } reasons as written. */
  reasons: string;
  /** JSON object of costs in 千円 (see the Evaluation schema). */
  costs: string;
  results: string | null;
  summary: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: CreatedAt;
  actor_id: string | null;
  actor_role: string | null;
  entity: string;
  entity_id: number;
  /** The opinion an entry belongs to, so an opinion's history includes its response and progress. */
  opinion_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
}

export interface ImportSourceTable {
  id: number;
  kind: string;
  /** Hex SHA-256 of the document's bytes: the same document is imported once. */
  sha256: string;
  title: string | null;
  /** JSON: what the import created. */
  summary: string;
  created_at: CreatedAt;
}

interface StatusCountColumns {
  done: number;
  on_track: number;
  delayed: number;
  not_started: number;
  suspended: number;
  total: number;
}

/** A status table as the city reported it for a plan and period (seed 003). */
export interface ReportedSummaryTable extends StatusCountColumns {
  id: number;
  plan_id: number;
  period: string;
  source_title: string | null;
  created_at: CreatedAt;
}

export interface ReportedSummaryRowTable extends StatusCountColumns {
  id: number;
  summary_id: number;
  /** The plan node the row is about (a 取組の視点), when it could be matched. */
  node_id: number | null;
  label: string;
  position: number;
}

/** The prose a progress report gives for a project in a period. */
export interface ProgressNarrativeTable {
  id: number;
  node_id: number;
  period: string;
  text: string;
  created_at: CreatedAt;
}

export type Role = 'secretariat' | 'department' | 'committee';

/** A person who signs in (better-auth's user model, with our role columns). */
export interface UserTable {
  id: ColumnType<number, number | undefined, never>;
  email: string;
  name: string;
  email_verified: ColumnType<number, number | undefined, number>;
  image: string | null;
  role: Role;
  /** The department a `department` user answers for. */
  department_id: number | null;
  /** 0: deactivated, cannot sign in. */
  active: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id: ColumnType<number, number | undefined, never>;
  token: string;
  user_id: number;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountTable {
  id: ColumnType<number, number | undefined, never>;
  account_id: string;
  provider_id: string;
  user_id: number;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  scope: string | null;
  /** better-auth's scrypt hash of the password (provider `credential`). */
  password: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VerificationTable {
  id: ColumnType<number, number | undefined, never>;
  identifier: string;
  value: string;
  expires_at: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A fixed-window counter: `count` events for `key` since `window_start` (epoch ms). */
export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/** Who sent a public comment: personal data, readable by the secretariat only. */
export interface CommenterTable {
  opinion_id: number;
  /** 受付番号 given to the sender. */
  receipt_number: string;
  name: string | null;
  email: string | null;
  address: string | null;
  submitted_at: CreatedAt;
}

export type SearchEntity = 'opinion' | 'meeting' | 'department' | 'node' | 'indicator' | 'plan';

/** A change search has not caught up with yet. */
export interface SearchOutboxTable {
  id: ColumnType<number, never, never>;
  entity: SearchEntity;
  entity_id: number;
  attempts: ColumnType<number, number | undefined, number>;
  /** Epoch ms before which the worker leaves the row alone (back-off after a failure). */
  next_attempt_at: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface Database {
  id_sequences: IdSequenceTable;
  meta: MetaTable;
  batch_guard: BatchGuardTable;
  departments: DepartmentTable;
  plans: PlanTable;
  plan_nodes: PlanNodeTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  meetings: MeetingTable;
  opinions: OpinionTable;
  opinion_nodes: OpinionNodeTable;
  responses: ResponseTable;
  response_versions: ResponseVersionTable;
  response_events: ResponseEventTable;
  progress_reports: ProgressReportTable;
  evaluations: EvaluationTable;
  audit_log: AuditLogTable;
  import_sources: ImportSourceTable;
  reported_summaries: ReportedSummaryTable;
  reported_summary_rows: ReportedSummaryRowTable;
  progress_narratives: ProgressNarrativeTable;
  users: UserTable;
  sessions: SessionTable;
  accounts: AccountTable;
  verifications: VerificationTable;
  rate_limits: RateLimitTable;
  commenters: CommenterTable;
  search_outbox: SearchOutboxTable;
  reporting_periods: ReportingPeriodTable;
}

/** Tables whose ids come from `id_sequences`. */
export type SequencedTable = Exclude<
  keyof Database,
  | 'id_sequences'
  | 'meta'
  | 'batch_guard'
  | 'opinion_nodes'
  | 'audit_log'
  | 'sessions'
  | 'accounts'
  | 'verifications'
  | 'rate_limits'
  | 'commenters'
  | 'search_outbox'
>;

export type Department = Selectable<DepartmentTable>;
export type NewDepartment = Insertable<DepartmentTable>;
export type Plan = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type PlanNode = Selectable<PlanNodeTable>;
export type NewPlanNode = Insertable<PlanNodeTable>;
export type PlanNodeUpdate = Updateable<PlanNodeTable>;
export type Indicator = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type IndicatorValue = Selectable<IndicatorValueTable>;
export type NewIndicatorValue = Insertable<IndicatorValueTable>;
export type Meeting = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type MeetingUpdate = Updateable<MeetingTable>;
export type Opinion = Selectable<OpinionTable>;
export type NewOpinion = Insertable<OpinionTable>;
export type OpinionUpdate = Updateable<OpinionTable>;
export type Response = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;
export type ResponseVersion = Selectable<ResponseVersionTable>;
export type ResponseEvent = Selectable<ResponseEventTable>;
export type ProgressReport = Selectable<ProgressReportTable>;
export type NewProgressReport = Insertable<ProgressReportTable>;
export type ReportingPeriod = Selectable<ReportingPeriodTable>;
export type Evaluation = Selectable<EvaluationTable>;
export type NewEvaluation = Insertable<EvaluationTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type User = Selectable<UserTable>;
export type Commenter = Selectable<CommenterTable>;
