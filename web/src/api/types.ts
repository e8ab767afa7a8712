/**
 * The API's JSON shapes, taken from its zod schemas so the front end follows
 * the contract. Type-only imports: nothing from the server is bundled.
 */
import type { z } from '@hono/zod-openapi';
import type { DepartmentSchema } from '../../../api/features/departments/schemas.js';
import type { ImportKindSchema, ImportResultSchema } from '../../../api/features/imports/schemas.js';
import type { IndicatorSchema } from '../../../api/features/indicators/schemas.js';
import type { MeetingListSchema, MeetingSchema } from '../../../api/features/meetings/schemas.js';
import type { FollowUpItemSchema, FollowUpStepSchema, MeetingFollowUpSchema } from '../../../api/features/meetings/follow-up-schemas.js';
import type { OpinionPageSchema, OpinionSchema } from '../../../api/features/opinions/schemas.js';
import type { NodeTreeSchema, PlanDetailSchema, PlanListSchema, PlanSchema } from '../../../api/features/plans/schemas.js';
import type { SummaryQuerySchema, SummarySchema, SummaryTableSchema } from '../../../api/features/progress/summary-schemas.js';
import type { ProgressInputSchema, ProgressListSchema } from '../../../api/features/progress/schemas.js';
import type { NodeDetailSchema } from '../../../api/features/nodes/schemas.js';
import type { EvaluationSchema } from '../../../api/features/evaluations/schemas.js';
import type { ReportingPeriodListSchema } from '../../../api/features/periods/schemas.js';
import type { NodeTimelineSchema, OpinionTimelineSchema, TimelineStepSchema } from '../../../api/features/progress/timeline-schemas.js';
import type { NotReportedSchema } from '../../../api/features/progress/not-reported-schemas.js';
import type { NoticesSchema } from '../../../api/features/notices/schemas.js';
import type { CommitmentSchema, ProgressStatusSchema, ResponseStateSchema } from '../../../api/lib/schemas.js';
import type { MeSchema, RoleSchema, UserSchema } from '../../../api/features/users/schemas.js';
import type { AuditEntrySchema } from '../../../api/features/audit/schemas.js';
import type { CommenterSchema, CommentReceiptSchema, DuplicateGroupSchema } from '../../../api/features/comments/schemas.js';
import type { ResponseSchema, ResponseVersionSchema } from '../../../api/features/responses/schemas.js';
import type { RelatedOpinionsSchema, SearchQuerySchema, SearchResultSchema, SearchTypeSchema, SuggestedNodesSchema } from '../../../api/features/search/schemas.js';
import type { ParsedOpinionsTable } from '../../../seeds/importers/opinions-table.js';
import type { ParsedEvaluation, ParsedMeeting, ParsedPlan, ParsedProgressReport } from '../../../seeds/importers/types.js';

export type Department = z.infer<typeof DepartmentSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingKind = Meeting['kind'];
export type MeetingList = z.infer<typeof MeetingListSchema>;
/** GET /api/meetings/{id}/follow-up: the committee's view of a meeting's promises. */
export type MeetingFollowUp = z.infer<typeof MeetingFollowUpSchema>;
export type FollowUpItem = z.infer<typeof FollowUpItemSchema>;
export type FollowUpStep = z.infer<typeof FollowUpStepSchema>;
export type Opinion = z.infer<typeof OpinionSchema>;
export type OpinionNodeRef = Opinion['nodes'][number];
export type OpinionPage = z.infer<typeof OpinionPageSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanKind = Plan['kind'];
export type PlanList = z.infer<typeof PlanListSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;
export type ResponseState = z.infer<typeof ResponseStateSchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;

/**
 * A node of a plan's tree. The schema types `children` loosely (zod cannot
 * describe the recursion for OpenAPI), so the recursion is restated here.
 */
export type PlanNode = Omit<z.infer<typeof NodeTreeSchema>, 'children'> & { children: PlanNode[] };

/** GET /api/plans/{id}: the plan and its tree. */
export type PlanDetail = Omit<z.infer<typeof PlanDetailSchema>, 'nodes'> & { nodes: PlanNode[] };

/** The kinds of document POST /api/imports reads. */
export type ImportKind = z.infer<typeof ImportKindSchema>;
/** How many of each thing an import created (or, in a dry run, would create). */
export type ImportCounts = z.infer<typeof ImportResultSchema>['created'];

/**
 * What the importer read from the document, by kind. The API schema types the
 * document loosely (a record); the shapes are the importers' own, and the
 * page reads them defensively.
 */
export type ImportPreview =
  | { kind: 'meeting_report'; document: Partial<ParsedMeeting> }
  | { kind: 'plan'; document: Partial<ParsedPlan> }
  | { kind: 'progress_report'; document: Partial<ParsedProgressReport> }
  | { kind: 'evaluation_sheet'; document: Partial<ParsedEvaluation> }
  | { kind: 'opinions_table'; document: Partial<ParsedOpinionsTable> };

/** POST /api/imports: the result (in a dry run, the plan). */
export type ImportResult = Omit<z.infer<typeof ImportResultSchema>, 'preview'> & { preview: ImportPreview };

/** GET /api/progress/summary: the 取組状況の総括表. */
export type ProgressSummary = z.infer<typeof SummarySchema>;
export type SummaryTable = z.infer<typeof SummaryTableSchema>;
export type SummaryRow = SummaryTable['rows'][number];

export type Role = z.infer<typeof RoleSchema>;
export type User = z.infer<typeof UserSchema>;
/** The signed-in person. */
export type Me = z.infer<typeof MeSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type CommentReceipt = z.infer<typeof CommentReceiptSchema>;
export type Commenter = z.infer<typeof CommenterSchema>;
export type DuplicateGroup = z.infer<typeof DuplicateGroupSchema>;
/** GET /api/opinions/{id}/response. */
export type OpinionResponse = z.infer<typeof ResponseSchema>;
export type ResponseVersion = z.infer<typeof ResponseVersionSchema>;
export type ResponseAction = 'submit' | 'return' | 'approve' | 'publish';

/** What GET /api/search looks for: opinion 意見, node 計画のノード, indicator 指標. */
export type SearchType = z.infer<typeof SearchTypeSchema>;
/** GET /api/search's query: `q` may be empty; every filter is optional; the order is 関連度順 (the API's default) or 新しい順. */
export type SearchParams = Partial<z.infer<typeof SearchQuerySchema>> & { q: string };
export type SearchSort = NonNullable<SearchParams['sort']>;

/**
 * One hit. `planId` and `nodeId` say where a node or indicator hit lives
 * (null for an opinion).
 */
export type SearchHit = z.infer<typeof SearchResultSchema>['hits'][number];

/** GET /api/search: a page of hits (20), the counts per facet value, the total, and whether the engine was bypassed. */
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** GET /api/opinions/{id}/related: opinions of other meetings that say something alike (`degraded`: found without the engine). */
export type RelatedOpinions = z.infer<typeof RelatedOpinionsSchema>;

/** GET /api/opinions/{id}/suggested-nodes (staff only): nodes the opinion might be linked to. */
export type NodeSuggestions = z.infer<typeof SuggestedNodesSchema>;
/** One suggestion: the node, the engine's score (0–1, null without the engine), and whether the opinion is already linked to it. */
export type NodeSuggestion = NodeSuggestions['items'][number];

/** GET /api/nodes/{id}: a node with its ancestors, children, indicators and linked opinions. */
export type NodeDetail = z.infer<typeof NodeDetailSchema>;
/** An opinion linked to a node (or to a node below it), as the node page lists it. */
export type NodeOpinion = NodeDetail['opinions'][number];
/** One 事務事業評価 (GET /api/nodes/{id}/evaluations): ratings, reasons, costs and 総評 of a fiscal year. */
export type Evaluation = z.infer<typeof EvaluationSchema>;
/** A rating of an evaluation: A, B, C or N (一律に比較できない). */
export type Rating = Evaluation['ratings']['progress'];
/** One period's progress report on an opinion or node, with its earlier corrections. */
export type ProgressReport = z.infer<typeof ProgressListSchema>['items'][number];
/** GET /api/periods: the reporting periods the secretariat opened or closed, and the current one. */
export type ReportingPeriodList = z.infer<typeof ReportingPeriodListSchema>;
/** How GET /api/progress/summary groups its rows (node, level, department, meeting). */
export type SummaryGroupBy = z.infer<typeof SummaryQuerySchema>['groupBy'];

/** GET /api/opinions/{id}/timeline: the response, its commitment, and each reported period's status with its change. */
export type OpinionTimeline = z.infer<typeof OpinionTimelineSchema>;
/** GET /api/nodes/{id}/timeline: each reported period's status of a plan node, with its change. */
export type NodeTimeline = z.infer<typeof NodeTimelineSchema>;
/** One reported period of a timeline (its final report), oldest period first. */
export type TimelineStep = z.infer<typeof TimelineStepSchema>;
/** How a period's status moved from the period before: first, improved, worsened, unchanged. */
export type StatusChange = TimelineStep['change'];
/** One period the secretariat opened or closed. */
export type ReportingPeriod = ReportingPeriodList['items'][number];
/** POST /api/{opinions|nodes}/{id}/progress: a report (or, for a period already reported, its correction). */
export type ProgressInput = z.input<typeof ProgressInputSchema>;
/** GET /api/progress/not-reported: the items without a report for a period, per department. */
export type NotReported = z.infer<typeof NotReportedSchema>;
export type NotReportedItem = NotReported['groups'][number]['items'][number];
/** GET /api/notices: the signed-in person's notices, most pressing first, and the count of each kind. */
export type Notices = z.infer<typeof NoticesSchema>;
export type Notice = Notices['items'][number];
/** overdue, returned, due_soon, assigned, not_reported, review. */
export type NoticeKind = Notice['kind'];
