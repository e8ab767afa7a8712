import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { AuditListSchema, AuditQuerySchema } from './schemas.js';

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: '変更履歴（事務局）',
  request: { query: AuditQuerySchema },
  responses: { 200: jsonContent(AuditListSchema, '変更履歴'), ...errorResponses(400, 401, 403) },
});
