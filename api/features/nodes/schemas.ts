import { z } from '@hono/zod-openapi';
import { Id, OptionalText, ResponseStateSchema, ProgressStatusSchema, Text } from '../../lib/schemas.js';
import { IndicatorSchema } from '../indicators/schemas.js';
import { DepartmentSchema } from '../departments/schemas.js';

const nodeFields = {
  id: z.number().int().openapi({ example: 5 }),
  planId: z.number().int().openapi({ example: 1 }),
  parentId: z.number().int().nullable().openapi({ example: 2 }),
  level: z.string().openapi({ description: '階層の名前（重点戦略、施策、主な取組、目標、改革テーマ、実施計画事業 など）', example: '施策' }),
  code: z.string().nullable().openapi({ description: '計画内の番号', example: '2-(1)' }),
  title: z.string().openapi({ example: '技術力・競争力を向上する' }),
  description: z.string().nullable().openapi({ description: '基本的な方向性・取組の概要など', example: null }),
  position: z.number().int().openapi({ description: '兄弟ノードの中での順番（0から）', example: 0 }),
  departmentId: z.number().int().nullable().openapi({ description: 'このノードに設定された担当課（未設定なら上位ノードの担当課が受け持つ）', example: null }),
};

const DepartmentIdInput = Id.nullable()
  .optional()
  .openapi({ description: '担当課。設定すると、その課がこのノードと下位ノードの取組状況・事務事業評価を登録できる', example: 3 });

export const NodeSchema = z.object(nodeFields).openapi('Node', { description: '計画のノード（重点戦略・施策・主な取組など）' });

export const NodeRefSchema = z
  .object({ id: nodeFields.id, level: nodeFields.level, code: nodeFields.code, title: nodeFields.title })
  .openapi('NodeRef', { description: 'ノードへの参照' });

export const OpinionSummarySchema = z
  .object({
    id: z.number().int().openapi({ example: 10 }),
    meetingId: z.number().int().openapi({ example: 1 }),
    meetingTitle: z.string().openapi({ example: '令和6年度 行革ミーティング 実施結果報告書' }),
    seq: z.number().int().openapi({ example: 3 }),
    text: z.string(),
    responseState: ResponseStateSchema.nullable(),
    latestStatus: ProgressStatusSchema.nullable(),
  })
  .openapi('OpinionSummary', { description: 'ノードに結び付いた意見の要約' });

export const NodeDetailSchema = z
  .object({
    ...nodeFields,
    plan: z.object({ id: z.number().int(), title: z.string() }),
    ancestors: z.array(NodeRefSchema).openapi({ description: '根から親までのノード' }),
    children: z.array(NodeSchema),
    department: DepartmentSchema.nullable().openapi({ description: '担当課（ノード自身に設定がなければ、最も近い上位ノードの担当課）。取組状況を報告できるのはこの課と事務局' }),
    indicators: z.array(IndicatorSchema),
    opinions: z.array(OpinionSummarySchema).openapi({ description: 'このノードと下位ノードに結び付いた意見' }),
  })
  .openapi('NodeDetail', { description: 'ノードと、その子ノード・指標・意見' });

export const NewNodeSchema = z
  .object({
    parentId: Id.nullable().optional().openapi({ description: '親ノード（同じ計画）。省略すると最上位', example: 2 }),
    level: Text(50).openapi({ example: '施策' }),
    code: OptionalText(50).openapi({ example: '2-(1)' }),
    title: Text(500).openapi({ example: '技術力・競争力を向上する' }),
    description: OptionalText(20000),
    position: z.number().int().min(0).max(100000).optional().openapi({ description: '省略すると末尾', example: 0 }),
    departmentId: DepartmentIdInput,
  })
  .strict()
  .openapi('NewNode', { description: '新しいノード' });

export const NodeUpdateSchema = z
  .object({
    parentId: Id.nullable().optional().openapi({ description: '親ノード（同じ計画）。null で最上位へ' }),
    level: Text(50).optional(),
    code: OptionalText(50),
    title: Text(500).optional(),
    description: OptionalText(20000),
    position: z.number().int().min(0).max(100000).optional(),
    departmentId: DepartmentIdInput,
  })
  .strict()
  .openapi('NodeUpdate', { description: 'ノードの変更（指定した項目だけ）', example: { title: '技術力・競争力を高める' } });
