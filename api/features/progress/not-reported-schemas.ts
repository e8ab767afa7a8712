import { z } from '@hono/zod-openapi';
import { IdParam, PeriodInput, ProgressStatusSchema } from '../../lib/schemas.js';
import { DepartmentSchema } from '../departments/schemas.js';

export const NotReportedQuerySchema = z
  .object({
    period: PeriodInput.optional().openapi({ param: { name: 'period', in: 'query' }, description: '期間（省略すると現在の報告期間）' }),
    departmentId: IdParam.optional().openapi({
      param: { name: 'departmentId', in: 'query' },
      description: '担当課で絞り込む（事務局のみ。担当課の職員には常に自分の課の分だけを返す）',
    }),
  })
  .strict();

export const NotReportedItemSchema = z
  .object({
    kind: z.enum(['opinion', 'node']).openapi({ description: 'opinion 意見（対応方針）, node 計画の取組', example: 'opinion' }),
    id: z.number().int().openapi({ example: 12 }),
    title: z.string().openapi({ description: '意見は本文の先頭80文字、取組は番号と名前', example: '子育て世帯への支援を拡充してほしい。' }),
    meetingId: z.number().int().nullable().openapi({ example: 3 }),
    planId: z.number().int().nullable().openapi({ example: null }),
    lastPeriod: z.string().nullable().openapi({ description: 'この期間より前の最新の報告の期間（報告がなければ null）', example: '2025H1' }),
    lastStatus: ProgressStatusSchema.nullable().openapi({ description: 'その報告の状況', example: 'delayed' }),
  })
  .openapi('NotReportedItem', { description: '報告期間の取組状況が未報告の項目' });

export const NotReportedSchema = z
  .object({
    period: z.string().openapi({ example: '2025H2' }),
    label: z.string().openapi({ example: '令和7年度下半期' }),
    closed: z.boolean().openapi({ description: '期間が締め切られている（もう報告できない）', example: false }),
    total: z.number().int().openapi({ description: '未報告の項目の数', example: 1 }),
    groups: z
      .array(
        z
          .object({
            department: DepartmentSchema.nullable().openapi({ description: '担当課（担当課なしは null）' }),
            items: z.array(NotReportedItemSchema),
          })
          .openapi('NotReportedGroup', {
            description: '1つの担当課の未報告の項目',
            example: {
              department: { id: 3, name: '経営企画課', bureau: '企画部' },
              items: [{ kind: 'node', id: 40, title: '1-1 施設の統合', meetingId: null, planId: 2, lastPeriod: '2025H1', lastStatus: 'on_track' }],
            },
          }),
      )
      .openapi({ description: '担当課の名前順。担当課なしは最後' }),
  })
  .openapi('NotReported', {
    description:
      '未報告の一覧: 対応方針が承認・公開された意見と、前の期間に報告のある取組のうち、最新の状況が「済」でなく、この期間の報告がないもの',
    example: {
      period: '2025H2',
      label: '令和7年度下半期',
      closed: false,
      total: 1,
      groups: [
        {
          department: { id: 3, name: '経営企画課', bureau: '企画部' },
          items: [{ kind: 'opinion', id: 12, title: '子育て世帯への支援を拡充してほしい。', meetingId: 3, planId: null, lastPeriod: '2025H1', lastStatus: 'delayed' }],
        },
      ],
    },
  });
