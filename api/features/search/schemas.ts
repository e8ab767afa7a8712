import { z } from '@hono/zod-openapi';
import { FiscalYearInput, IdParam, ProgressStatusSchema } from '../../lib/schemas.js';

export const SearchTypeSchema = z
  .enum(['opinion', 'node', 'indicator'])
  .openapi('SearchType', { description: 'opinion 意見（対応方針を含む）, node 計画のノード, indicator 指標', example: 'opinion' });

export const SearchQuerySchema = z.object({
  q: z.string().max(200, '検索語は200文字以内にしてください。').default('').openapi({ param: { name: 'q', in: 'query' }, description: '検索語（空白区切りですべてを含むもの。全角・半角を区別しない）', example: '競争力' }),
  type: SearchTypeSchema.optional().openapi({ param: { name: 'type', in: 'query' } }),
  meetingId: IdParam.optional().openapi({ param: { name: 'meetingId', in: 'query' } }),
  nodeId: IdParam.optional().openapi({ param: { name: 'nodeId', in: 'query' }, description: 'ノードとその下位' }),
  departmentId: IdParam.optional().openapi({ param: { name: 'departmentId', in: 'query' } }),
  status: ProgressStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
  fiscalYear: FiscalYearInput.optional().openapi({ param: { name: 'fiscalYear', in: 'query' } }),
  page: z.coerce
    .number({ error: 'ページは1以上の整数で指定してください。' })
    .int('ページは1以上の整数で指定してください。')
    .min(1, 'ページは1以上の整数で指定してください。')
    .max(500, 'ページは500までです。')
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' }, type: 'integer', example: 1 }),
}).strict();

export const SearchResultSchema = z
  .object({
    hits: z.array(
      z
        .object({
          type: SearchTypeSchema,
          id: z.number().int().openapi({ description: '意見・ノード・指標そのものの ID', example: 3 }),
          title: z.string().openapi({ example: '令和6年度 行革ミーティング 実施結果報告書 意見3' }),
          text: z.string(),
          snippet: z.string().openapi({ description: '一致した箇所を <mark> で囲んだ抜粋（HTML エスケープ済み）', example: '基幹産業の<mark>競争力</mark>を強化する' }),
        })
        .openapi('SearchHit', { description: '検索結果の1件' }),
    ),
    facets: z
      .record(z.string(), z.record(z.string(), z.number().int()))
      .openapi({ description: '項目ごとの件数（type, meetingId, departmentId, fiscalYear, state, commitment, status）', example: { type: { opinion: 3, node: 1 } } }),
    total: z.number().int().openapi({ example: 4 }),
    degraded: z.boolean().openapi({ description: 'true のときは検索エンジンを使わずデータベースの部分一致で答えている', example: true }),
  })
  .openapi('SearchResult', { description: '検索結果（1ページ20件）' });
