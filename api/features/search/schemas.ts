import { z } from '@hono/zod-openapi';
import { CommitmentSchema, FiscalYearInput, IdParam, ProgressStatusSchema, ResponseStateSchema } from '../../lib/schemas.js';
import { OpinionNodeRefSchema, OpinionSchema } from '../opinions/schemas.js';

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
  state: ResponseStateSchema.optional().openapi({ param: { name: 'state', in: 'query' }, description: '対応方針の状態（読む人に見える版の状態）' }),
  commitment: CommitmentSchema.optional().openapi({ param: { name: 'commitment', in: 'query' } }),
  fiscalYear: FiscalYearInput.optional().openapi({ param: { name: 'fiscalYear', in: 'query' } }),
  sort: z
    .enum(['relevance', 'newest'], { error: '並び順は relevance（関連度順）か newest（新しい順）で指定してください。' })
    .default('relevance')
    .openapi({ param: { name: 'sort', in: 'query' }, description: 'relevance 関連度順（既定。検索語がなければ新しい順）, newest 会議の新しい順' }),
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
          planId: z.number().int().nullable().openapi({ description: 'ノード・指標の計画（意見は null）', example: null }),
          nodeId: z.number().int().nullable().openapi({ description: 'ノードそのもの、または指標の属するノード（意見は null）', example: null }),
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

const RelatedLimit = z.coerce
  .number({ error: '件数は1から20の整数で指定してください。' })
  .int('件数は1から20の整数で指定してください。')
  .min(1, '件数は1から20の整数で指定してください。')
  .max(20, '件数は1から20の整数で指定してください。')
  .default(5)
  .openapi({ param: { name: 'limit', in: 'query' }, type: 'integer', example: 5, description: '件数（1〜20、既定5）' });

export const RelatedQuerySchema = z.object({ limit: RelatedLimit }).strict();

export const RelatedOpinionsSchema = z
  .object({
    items: z.array(OpinionSchema).openapi({ description: '他の会議の意見。関連の強い順' }),
    degraded: z.boolean().openapi({ description: 'true のときは検索エンジンを使わず、共通する語の数で選んでいる', example: false }),
  })
  .openapi('RelatedOpinions', { description: '同じ話題の、他の会議・年度の意見' });

export const SuggestedNodesSchema = z
  .object({
    items: z.array(
      z
        .object({
          node: OpinionNodeRefSchema,
          score: z.number().nullable().openapi({ description: '一致の度合い（0〜1）。検索エンジンがないときは null', example: 0.82 }),
          linked: z.boolean().openapi({ description: 'すでに結び付いている', example: false }),
        })
        .openapi('SuggestedNode', { description: '結び付ける候補のノード' }),
    ),
    degraded: z.boolean().openapi({ description: 'true のときは検索エンジンを使わず、共通する語の数で選んでいる', example: false }),
  })
  .openapi('SuggestedNodes', { description: '意見の内容に合う計画のノード（一致の度合いの高い順）' });
