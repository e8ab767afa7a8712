import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { SummaryQuerySchema, SummarySchema } from './summary-schemas.js';

export const summaryRoute = createRoute({
  method: 'get',
  path: '/api/progress/summary',
  tags: ['progress'],
  summary: '取組状況の総括表（済・概ね順調・遅れ・未着手・休止）',
  request: { query: SummaryQuerySchema },
  responses: {
    200: {
      ...jsonContent(SummarySchema, '総括表。format=csv / xlsx ではファイル'),
      content: {
        ...jsonContent(SummarySchema, '').content,
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...errorResponses(400, 404),
  },
});
