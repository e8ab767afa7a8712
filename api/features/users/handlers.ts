import { hashPassword } from 'better-auth/crypto';
import { getDepartment } from '../../../db/departments.js';
import { createUser, getUser, listUsers, toUserView, updateUser } from '../../../db/users.js';
import { danglingReference, found, invalidField, notFound } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { createUserRoute, listUsersRoute, meRoute, updateUserRoute } from './routes.js';
import type { Store } from '../../../db/store.js';

async function checkDepartment(store: Store, role: string, departmentId: number | null | undefined): Promise<void> {
  if (role !== 'department') return;
  if (departmentId === undefined || departmentId === null) throw invalidField('departmentId', '担当課の職員には担当課を指定してください。');
  if (!(await getDepartment(store.db, departmentId))) throw danglingReference('departmentId', '担当課', departmentId);
}

export const usersApp = featureApp()
  .openapi(meRoute, async (c) => {
    // The access rule lets only signed-in people through.
    const actor = c.var.actor!;
    return c.json({ id: Number(actor.id), email: actor.email, name: actor.name, role: actor.role, departmentId: actor.departmentId }, 200);
  })
  .openapi(listUsersRoute, async (c) => c.json({ items: await listUsers(c.var.store.db) }, 200))
  .openapi(createUserRoute, async (c) => {
    const input = c.req.valid('json');
    await checkDepartment(c.var.store, input.role, input.departmentId);
    const id = await createUser(c.var.store, c.var.actor, { ...input, passwordHash: await hashPassword(input.password) });
    return c.json(toUserView(found(await getUser(c.var.store.db, id), 'ユーザー', id)), 201);
  })
  .openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const before = await getUser(c.var.store.db, id);
    if (!before) throw notFound('ユーザー', id);
    const role = input.role ?? before.role;
    if (role === 'department' && input.departmentId !== undefined) await checkDepartment(c.var.store, role, input.departmentId);
    const { password, ...rest } = input;
    await updateUser(c.var.store, c.var.actor, before, { ...rest, ...(password !== undefined && { passwordHash: await hashPassword(password) }) });
    return c.json(toUserView(found(await getUser(c.var.store.db, id), 'ユーザー', id)), 200);
  });
