import { z } from '@hono/zod-openapi';
import { AUDIT_ENTITIES } from '../../../db/audit.js';
import { IdParam } from '../../lib/schemas.js';

export const AuditQuerySchema = z
  .object({
    entity: z.enum(AUDIT_ENTITIES).openapi({ param: { name: 'entity', in: 'query' }, example: 'opinion' }),
    id: IdParam.openapi({ param: { name: 'id', in: 'query' }, example: '12' }),
  })
  .strict();

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ example: '2026-11-20T01:23:45.678Z' }),
    actor: z
      .object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() })
      .nullable()
      .openapi({ description: '変更した人。資料の一括取り込みなど画面外の操作では null', example: { id: '2', name: '経営企画課 担当者', role: 'department' } }),
    entity: z.string().openapi({ example: 'response' }),
    entityId: z.number().int().openapi({ example: 7 }),
    opinionId: z.number().int().nullable().openapi({ example: 12 }),
    action: z.string().openapi({ description: 'create, update, delete, submit, return, approve, publish, import …', example: 'submit' }),
    before: z.unknown().openapi({ description: '変更前の値' }),
    after: z.unknown().openapi({ description: '変更後の値' }),
  })
  .openapi('AuditEntry', { description: '変更履歴の1件' });

export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema) }).openapi('AuditList', {
  description: '変更履歴（古い順）。意見の履歴には対応方針と取組状況の変更も含まれる',
  example: {
    items: [{ id: 41, at: '2026-11-20T01:23:45.678Z', actor: { id: '2', name: '経営企画課 担当者', role: 'department' }, entity: 'response', entityId: 7, opinionId: 12, action: 'submit', before: { state: 'draft' }, after: { state: 'submitted', comment: null } }],
  },
});
