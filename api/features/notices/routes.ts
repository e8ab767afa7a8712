import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { NoticesSchema } from './schemas.js';

export const noticesRoute = createRoute({
  method: 'get',
  path: '/api/notices',
  tags: ['progress'],
  summary: 'お知らせ（担当になった意見、差戻し、期限、未報告、確認待ち）',
  responses: { 200: jsonContent(NoticesSchema, 'お知らせ'), ...errorResponses(401) },
});
