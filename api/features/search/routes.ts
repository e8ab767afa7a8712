import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { SearchQuerySchema, SearchResultSchema } from './schemas.js';

export const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['search'],
  summary: '意見・対応方針・計画・指標を検索する',
  request: { query: SearchQuerySchema },
  responses: { 200: jsonContent(SearchResultSchema, '検索結果'), ...errorResponses(400) },
});
