import { createDepartment, listDepartments } from '../../../db/departments.js';
import { ApiError } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { createDepartmentRoute, listDepartmentsRoute } from './routes.js';

export const departmentsApp = featureApp()
  .openapi(listDepartmentsRoute, async (c) => c.json({ items: await listDepartments(c.var.store.db) }, 200))
  .openapi(createDepartmentRoute, async (c) => {
    const input = c.req.valid('json');
    const created = await createDepartment(c.var.store, c.var.actor, input);
    if (!created) throw new ApiError('conflict', `「${[input.bureau, input.name].filter(Boolean).join(' ')}」は既に登録されています。`);
    return c.json(created, 201);
  });
