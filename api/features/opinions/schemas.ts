import { z } from '@hono/zod-openapi';
import {
  CommitmentSchema,
  FiscalYearInput,
  Id,
  IdParam,
  OptionalDate,
  Limit,
  ProgressStatusSchema,
  ResponseStateSchema,
  Text,
} from '../../lib/schemas.js';
import { DepartmentSchema } from '../departments/schemas.js';

export const OpinionNodeRefSchema = z
  .object({
    id: z.number().int().openapi({ example: 5 }),
    planId: z.number().int().openapi({ example: 1 }),
    level: z.string().openapi({ example: '施策' }),
    code: z.string().nullable().openapi({ example: '2-(1)' }),
    title: z.string().openapi({ example: '技術力・競争力を向上する' }),
    parent: z
      .object({
        id: z.number().int().openapi({ example: 2 }),
        level: z.string().openapi({ example: '重点戦略' }),
        code: z.string().nullable().openapi({ example: '2' }),
        title: z.string().openapi({ example: '活気あふれる産業づくり' }),
      })
      .nullable()
      .openapi({ description: '上位のノード（施策なら重点戦略）' }),
  })
  .openapi('OpinionNodeRef', { description: '意見に結び付いた計画のノード' });

export const OpinionSchema = z
  .object({
    id: z.number().int().openapi({ example: 10 }),
    meetingId: z.number().int().openapi({ example: 1 }),
    seq: z.number().int().openapi({ description: '会議の中での番号', example: 3 }),
    text: z.string().openapi({ description: '意見（書かれたとおり）', example: '創業支援の相談窓口が分かりにくく、…必要である。' }),
    nodeIds: z.array(z.number().int()).openapi({ example: [5] }),
    nodes: z.array(OpinionNodeRefSchema),
    departmentId: z.number().int().nullable().openapi({ example: 2 }),
    department: DepartmentSchema.nullable(),
    dueOn: z.string().nullable().openapi({ description: '対応期限（ISO）', example: '2026-03-31' }),
    duplicateOfId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '同趣旨として整理した元の意見（その意見の対応方針がこの意見への回答になる）', example: null }),
    response: z
      .object({
        text: z.string(),
        departmentId: z.number().int().nullable(),
        state: ResponseStateSchema,
        commitment: CommitmentSchema,
        version: z.number().int(),
        published: z
          .object({
            version: z.number().int().openapi({ example: 1 }),
            text: z.string().openapi({ example: '相談窓口を一本化し、令和7年度から案内を始めます。' }),
            commitment: CommitmentSchema,
          })
          .nullable()
          .openapi({ description: '公開中の版（未公開なら null）。改訂中は上の text・state・commitment と異なる' }),
      })
      .nullable()
      .openapi({ description: '現在の対応方針の要約（なければ null）' }),
    latestProgress: z
      .object({ period: z.string().openapi({ example: '2025H1' }), status: ProgressStatusSchema, note: z.string().nullable() })
      .nullable()
      .openapi({ description: '最新の取組状況（なければ null）' }),
    createdAt: z.string().openapi({ example: '2024-11-20T01:23:45.000Z' }),
    updatedAt: z.string().openapi({ example: '2024-11-20T01:23:45.000Z' }),
  })
  .openapi('Opinion', { description: '意見' });

export const OpinionPageSchema = z
  .object({
    items: z.array(OpinionSchema),
    nextCursor: z.string().nullable().openapi({ description: '次のページを取るときに cursor に渡す値。最後のページでは null', example: 'bzoxMjM' }),
  })
  .openapi('OpinionPage', { description: '意見の一覧（1ページ分）' });

/** A yes/no query parameter: `true` or `false`, as written. */
const BooleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .openapi({ type: 'string', enum: ['true', 'false'] });

export const OpinionListQuerySchema = z.object({
  meetingId: IdParam.optional().openapi({ param: { name: 'meetingId', in: 'query' }, description: '会議で絞り込む' }),
  nodeId: IdParam.optional().openapi({ param: { name: 'nodeId', in: 'query' }, description: 'ノード（とその下位ノード）で絞り込む' }),
  departmentId: IdParam.optional().openapi({ param: { name: 'departmentId', in: 'query' }, description: '担当課で絞り込む' }),
  status: ProgressStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' }, description: '最新の取組状況で絞り込む' }),
  commitment: CommitmentSchema.optional().openapi({ param: { name: 'commitment', in: 'query' } }),
  state: ResponseStateSchema.optional().openapi({ param: { name: 'state', in: 'query' }, description: '対応方針の状態で絞り込む' }),
  fiscalYear: FiscalYearInput.optional().openapi({ param: { name: 'fiscalYear', in: 'query' }, description: '会議の年度（2024、令和6年度）' }),
  q: z.string().max(200, '検索語は200文字以内にしてください。').optional().openapi({ param: { name: 'q', in: 'query' }, description: '意見の本文に含まれる語（全角・半角を区別しない）', example: '創業' }),
  overdue: BooleanQuery.optional().openapi({
    param: { name: 'overdue', in: 'query' },
    description: 'true: 期限切れ（対応期限が昨日以前で、最新の取組状況が済でない。報告がなければ済でないとみなす。期限当日はまだ期限切れではない）だけ。false: それ以外だけ',
    example: 'true',
  }),
  stalled: BooleanQuery.optional().openapi({
    param: { name: 'stalled', in: 'query' },
    description: 'true: 停滞（見る人に示される約束が検討で、直近2期以上続けて未着手か遅れ。各期は訂正後の報告で数える）だけ。false: それ以外だけ',
    example: 'true',
  }),
  cursor: z.string().max(100).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: '前のページの nextCursor' }),
  limit: Limit.openapi({ param: { name: 'limit', in: 'query' } }),
}).strict();

const nodeIdsField = z.array(Id).max(50, 'ノードは50件までです。').openapi({ description: '結び付ける計画のノード', example: [5] });

export const NewOpinionSchema = z
  .object({
    meetingId: Id.openapi({ example: 1 }),
    seq: z.number().int().min(1).max(1_000_000).optional().openapi({ description: '省略すると会議の次の番号', example: 3 }),
    text: Text(10000).openapi({ example: '創業支援の相談窓口が分かりにくい。窓口を一本化し、周知を強めることが必要である。' }),
    nodeIds: nodeIdsField.optional(),
    departmentId: Id.nullable().optional().openapi({ example: 2 }),
    dueOn: OptionalDate().openapi({ example: '令和8年3月31日' }),
  })
  .strict()
  .openapi('NewOpinion', { description: '新しい意見' });

export const OpinionUpdateSchema = z
  .object({
    meetingId: Id.optional(),
    seq: z.number().int().min(1).max(1_000_000).optional(),
    text: Text(10000).optional(),
    nodeIds: nodeIdsField.optional().openapi({ description: '指定するとノードの結び付けを置き換える' }),
    departmentId: Id.nullable().optional(),
    dueOn: OptionalDate(),
    duplicateOfId: Id.nullable()
      .optional()
      .openapi({ description: '同じ会議の同趣旨の意見を指定すると、その意見の対応方針でまとめて回答する。null で解除', example: 30 }),
  })
  .strict()
  .openapi('OpinionUpdate', { description: '意見の変更（指定した項目だけ）', example: { departmentId: 2, dueOn: '2026-03-31' } });
