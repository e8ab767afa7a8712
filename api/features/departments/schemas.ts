import { z } from '@hono/zod-openapi';
import { Text } from '../../lib/schemas.js';

export const DepartmentSchema = z
  .object({
    id: z.number().int().openapi({ example: 3 }),
    name: z.string().openapi({ description: '課の名前', example: '経営企画課' }),
    bureau: z.string().nullable().openapi({ description: '部の名前', example: '企画部' }),
  })
  .openapi('Department', { description: '部・課（担当課）' });

export const NewDepartmentSchema = z
  .object({
    name: Text(100).openapi({ description: '課の名前', example: '経営企画課' }),
    bureau: Text(100).nullable().optional().openapi({ description: '部の名前', example: '企画部' }),
  })
  .strict()
  .openapi('NewDepartment', { description: '新しい部・課' });

export const DepartmentListSchema = z
  .object({ items: z.array(DepartmentSchema) })
  .openapi('DepartmentList', { description: '部・課の一覧', example: { items: [{ id: 3, name: '経営企画課', bureau: '企画部' }] } });
