import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent } from '../../lib/schemas.js';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']).openapi({ example: 'ok' }),
    database: z.enum(['ok', 'error']).openapi({ example: 'ok' }),
    search: z.enum(['ok', 'degraded', 'disabled']).openapi({ description: '検索エンジン。disabled は検索エンジンなしで動いている', example: 'ok' }),
    searchBacklog: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'まだ検索エンジンに送っていない変更の数（データベースに接続できないときは null）', example: 0 }),
  })
  .openapi('Health', { description: 'サービスの状態' });

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  summary: 'サービスの状態',
  responses: {
    200: jsonContent(HealthSchema, '動いている'),
    503: jsonContent(HealthSchema, 'データベースに接続できない'),
  },
});
