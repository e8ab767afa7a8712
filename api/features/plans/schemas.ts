import { z } from '@hono/zod-openapi';
import { FiscalYearInput, Id, OptionalText, Text } from '../../lib/schemas.js';
import { IndicatorSchema, NewIndicatorSchema } from '../indicators/schemas.js';
import { NodeSchema } from '../nodes/schemas.js';

const planFields = {
  id: z.number().int().openapi({ example: 1 }),
  title: z.string().openapi({ example: '平塚市総合計画 基本計画' }),
  municipality: z.string().openapi({ example: '平塚市' }),
  kind: z.enum(['comprehensive', 'reform', 'other']).openapi({ description: 'comprehensive 総合計画, reform 行財政改革計画, other その他', example: 'comprehensive' }),
  startYear: z.number().int().openapi({ description: '計画期間の最初の年度', example: 2024 }),
  endYear: z.number().int().openapi({ description: '計画期間の最後の年度', example: 2031 }),
  description: z.string().nullable().openapi({ example: null }),
};

export const PlanSchema = z.object(planFields).openapi('Plan', { description: '計画' });

export const PlanListSchema = z.object({ items: z.array(PlanSchema) }).openapi('PlanList', {
  description: '計画の一覧',
  example: { items: [{ id: 1, title: '平塚市総合計画 基本計画', municipality: '平塚市', kind: 'comprehensive', startYear: 2024, endYear: 2031, description: null }] },
});

export const NodeTreeSchema = NodeSchema.extend({
  indicators: z.array(IndicatorSchema),
  children: z
    .array(z.looseObject({}))
    .openapi({ description: '子ノード（NodeTree と同じ形）', type: 'array', items: { $ref: '#/components/schemas/NodeTree' } }),
}).openapi('NodeTree', {
  description: 'ノードと、その指標・子ノード（木構造）',
  example: { id: 2, planId: 1, parentId: null, level: '重点戦略', code: '2', title: '活気あふれる産業づくり', description: null, position: 1, indicators: [], children: [] },
});

export const PlanDetailSchema = z
  .object({ ...planFields, nodes: z.array(NodeTreeSchema).openapi({ description: '最上位のノード（子ノードを含む木）' }) })
  .openapi('PlanDetail', { description: '計画とノードの木' });

/** A node written inside a new plan, with its children (any depth). */
export interface NewNodeTree {
  level: string;
  code?: string | null;
  title: string;
  description?: string | null;
  departmentId?: number | null;
  indicators?: z.infer<typeof NewIndicatorSchema>[];
  children?: NewNodeTree[];
}

export const NewNodeTreeSchema: z.ZodType<NewNodeTree> = z
  .object({
    level: Text(50),
    code: OptionalText(50),
    title: Text(500),
    description: OptionalText(20000),
    departmentId: Id.nullable().optional().openapi({ description: '担当課（下位ノードにも及ぶ）' }),
    indicators: z.array(NewIndicatorSchema).max(200).optional(),
    get children() {
      return z.array(NewNodeTreeSchema).max(500).optional();
    },
  })
  .strict()
  .openapi('NewNodeTree', {
    description: '計画と一緒に登録するノード（子ノードを含められる）',
    example: { level: '重点戦略', code: '2', title: '活気あふれる産業づくり', children: [{ level: '施策', code: '2-(1)', title: '技術力・競争力を向上する' }] },
  }) as z.ZodType<NewNodeTree>;

export const NewPlanSchema = z
  .object({
    title: Text(300).openapi({ example: '平塚市総合計画 基本計画' }),
    municipality: Text(100).openapi({ example: '平塚市' }),
    kind: z.enum(['comprehensive', 'reform', 'other']).default('other').openapi({ example: 'comprehensive' }),
    startYear: FiscalYearInput.openapi({ example: 2024 }),
    endYear: FiscalYearInput.openapi({ example: 2031 }),
    description: OptionalText(20000),
    nodes: z.array(NewNodeTreeSchema).max(500).optional().openapi({ description: '一緒に登録するノードの木（省略可）' }),
  })
  .strict()
  .refine((p) => p.endYear >= p.startYear, { message: '終了年度は開始年度以降にしてください。', path: ['endYear'] })
  .openapi('NewPlan', { description: '新しい計画' });
