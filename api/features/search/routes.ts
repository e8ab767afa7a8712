import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonContent } from '../../lib/schemas.js';
import { RelatedOpinionsSchema, RelatedQuerySchema, SearchQuerySchema, SearchResultSchema, SuggestedNodesSchema } from './schemas.js';

export const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['search'],
  summary: '意見・対応方針・計画・指標を検索する',
  request: { query: SearchQuerySchema },
  responses: { 200: jsonContent(SearchResultSchema, '検索結果'), ...errorResponses(400) },
});

export const relatedOpinionsRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/related',
  tags: ['search'],
  summary: '同じ話題の、他の会議・年度の意見',
  request: { params: IdParams, query: RelatedQuerySchema },
  responses: { 200: jsonContent(RelatedOpinionsSchema, '関連する意見'), ...errorResponses(400, 404) },
});

export const suggestedNodesRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/suggested-nodes',
  tags: ['search'],
  summary: '意見に結び付ける計画のノードの候補（職員向け）',
  request: { params: IdParams, query: RelatedQuerySchema },
  responses: { 200: jsonContent(SuggestedNodesSchema, '候補のノード'), ...errorResponses(400, 401, 403, 404) },
});
