/**
 * The API's JSON shapes, taken from its zod schemas so the front end follows
 * the contract. Type-only imports: nothing from the server is bundled.
 */
import type { z } from '@hono/zod-openapi';
import type { DepartmentSchema } from '../../../api/features/departments/schemas.js';
import type { IndicatorSchema } from '../../../api/features/indicators/schemas.js';
import type { MeetingListSchema, MeetingSchema } from '../../../api/features/meetings/schemas.js';
import type { OpinionPageSchema, OpinionSchema } from '../../../api/features/opinions/schemas.js';
import type { NodeTreeSchema, PlanDetailSchema, PlanListSchema, PlanSchema } from '../../../api/features/plans/schemas.js';
import type { CommitmentSchema, ProgressStatusSchema, ResponseStateSchema } from '../../../api/lib/schemas.js';

export type Department = z.infer<typeof DepartmentSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingKind = Meeting['kind'];
export type MeetingList = z.infer<typeof MeetingListSchema>;
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
