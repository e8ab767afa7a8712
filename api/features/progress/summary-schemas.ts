import { z } from '@hono/zod-openapi';
import { IdParam, PeriodInput } from '../../lib/schemas.js';

const counts = z
  .object({
    done: z.number().int().openapi({ example: 2 }),
    on_track: z.number().int().openapi({ example: 50 }),
    delayed: z.number().int().openapi({ example: 1 }),
    not_started: z.number().int().openapi({ example: 1 }),
    suspended: z.number().int().openapi({ example: 1 }),
  })
  .openapi('StatusCounts', { description: '状況ごとの件数: 済, 概ね順調, 遅れ, 未着手, 休止' });

const table = {
  rows: z.array(
    z
      .object({
        group: z.object({
          id: z.number().int().nullable(),
          title: z.string().openapi({ example: '民間活力の活用' }),
          code: z.string().nullable().optional().openapi({ description: 'グループがノードのときその番号（CSV・Excel では「(1)民間活力の活用」と表示）', example: '1' }),
        }),
        counts,
        total: z.number().int().openapi({ example: 10 }),
      })
      .openapi('SummaryRow', { description: '1グループの件数' }),
  ),
  totals: counts.extend({ total: z.number().int().openapi({ example: 55 }) }),
  onTrackRate: z.number().nullable().openapi({ description: '（済 ＋ 概ね順調）÷ 合計', example: 0.9455 }),
};

export const SummaryTableSchema = z.object(table).openapi('SummaryTable', {
  description: '集計表',
  example: { rows: [], totals: { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0, total: 0 }, onTrackRate: null },
});

export const SummarySchema = z
  .object({
    planId: z.number().int().openapi({ example: 2 }),
    period: z.string().nullable().openapi({ example: '2021H1' }),
    periods: z.array(z.string()).openapi({ description: 'この計画に報告（または取り込んだ集計表）がある期間（新しい順）', example: ['2021H1', '2020'] }),
    groupBy: z.enum(['node', 'level', 'department', 'meeting']),
    groupLabel: z.string().openapi({ description: 'グループの列の見出し', example: '取組の視点' }),
    source: z.enum(['reported', 'computed']).openapi({
      description: 'reported: 取り込んだ資料に市が記載した表。computed: 取組ごとの報告から集計した値',
      example: 'reported',
    }),
    ...table,
    computed: SummaryTableSchema.nullable().openapi({ description: 'source が reported のとき、取組ごとの報告から集計した値（食い違いの確認用）' }),
  })
  .openapi('ProgressSummary', { description: '取組状況の総括表' });

export const SummaryQuerySchema = z
  .object({
    planId: IdParam.openapi({ param: { name: 'planId', in: 'query' }, description: '計画' }),
    period: PeriodInput.optional().openapi({ param: { name: 'period', in: 'query' }, description: '期間（省略すると報告のある最新の期間）' }),
    groupBy: z
      .enum(['node', 'level', 'department', 'meeting'])
      .default('node')
      .openapi({
        param: { name: 'groupBy', in: 'query' },
        description: 'node 計画の最上位ノード（既定）, level 指定した階層（level で指定。より上の項目は「（施策より上の項目）」にまとめる）, department 担当課, meeting 会議',
      }),
    level: z
      .string()
      .trim()
      .min(1, '階層の名前を指定してください（例: 施策）。')
      .max(100, '階層の名前が長すぎます。')
      .optional()
      .openapi({ param: { name: 'level', in: 'query' }, description: 'groupBy=level のときの階層の名前（例: 施策）。ほかの groupBy では使わない', example: '施策' }),
    format: z
      .enum(['json', 'csv', 'xlsx'])
      .default('json')
      .openapi({ param: { name: 'format', in: 'query' }, description: 'json（既定）, csv（UTF-8 BOM 付き）, xlsx' }),
  })
  .strict();
