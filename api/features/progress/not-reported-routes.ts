import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { NotReportedQuerySchema, NotReportedSchema } from './not-reported-schemas.js';

export const notReportedRoute = createRoute({
  method: 'get',
  path: '/api/progress/not-reported',
  tags: ['progress'],
  summary: '取組状況の未報告の一覧（担当課ごと）',
  request: { query: NotReportedQuerySchema },
  responses: { 200: jsonContent(NotReportedSchema, '未報告の項目'), ...errorResponses(400, 401, 403) },
});
