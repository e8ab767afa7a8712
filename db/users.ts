/**
 * People who sign in: the secretariat, department staff and committee
 * members. better-auth reads these rows to sign people in; creating and
 * changing them is ours, so that each change is one atomic unit with its
 * audit entry (and, on deactivation, the end of the person's sessions).
 */
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../api/lib/errors.js';
import type { Database, Role, User } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor } from './write-plan.js';

export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(row: User): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    departmentId: row.department_id,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** E-mail addresses are compared without case: Tanaka@City.jp and tanaka@city.jp are one person. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUser(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(toUserView);
}

/** True when at least one active secretariat account exists. */
export async function hasActiveSecretariat(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'secretariat')
    .where('active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  departmentId?: number | null;
  /** The password hashed by better-auth (`hashPassword`), never the password itself. */
  passwordHash: string;
}

function emailTaken(email: string): ApiError {
  return new ApiError('conflict', `メールアドレス ${email} のアカウントはすでにあります。`, [
    { path: 'email', message: 'このメールアドレスは使われています。' },
  ]);
}

/** Creates a user with a password account (better-auth's `credential` provider), in one batch with its audit entry. */
export async function createUser(store: Store, actor: Actor | null, input: NewUserInput): Promise<number> {
  const email = normalizeEmail(input.email);
  const departmentId = input.role === 'department' ? (input.departmentId ?? null) : null;
  if (await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) throw emailTaken(email);
  try {
    return await runWrite(store, actor, async (w) => {
      const id = await w.reserveId('users');
      w.add(w.db.insertInto('users').values({ id, email, name: input.name, role: input.role, department_id: departmentId }));
      w.add(
        w.db
          .insertInto('accounts')
          .values({ account_id: String(id), provider_id: 'credential', user_id: id, password: input.passwordHash }),
      );
      // The password hash stays out of the audit log.
      w.audit({ entity: 'user', entityId: id, action: 'create', after: { email, name: input.name, role: input.role, departmentId } });
      return id;
    });
  } catch (error) {
    // Two people creating the same address at once: the loser hits the UNIQUE index.
    if (error instanceof Error && /UNIQUE constraint failed: users\.email/.test(error.message)) throw emailTaken(email);
    throw error;
  }
}

const lastSecretariat = () =>
  new ApiError('conflict', '最後の事務局アカウントは無効にしたり役割を変えたりできません。先に別の事務局アカウントを作成してください。');

export interface UserUpdateInput {
  name?: string;
  role?: Role;
  departmentId?: number | null;
  active?: boolean;
  passwordHash?: string;
}

/**
 * Changes a user. Deactivating ends every session of the user in the same
 * batch, so the person is signed out everywhere at once; so does a new
 * password. Changing a role away from `department` clears the department.
 */
export async function updateUser(store: Store, actor: Actor | null, before: User, input: UserUpdateInput): Promise<void> {
  const role = input.role ?? before.role;
  const departmentId = role === 'department' ? (input.departmentId !== undefined ? input.departmentId : before.department_id) : null;
  if (role === 'department' && departmentId === null)
    throw new ApiError('validation_failed', '担当課の職員には担当課を指定してください。', [{ path: 'departmentId', message: '担当課を指定してください。' }]);
  const active = input.active ?? before.active === 1;
  if (before.role === 'secretariat' && before.active === 1 && (role !== 'secretariat' || !active)) {
    const others = await store.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'secretariat')
      .where('active', '=', 1)
      .where('id', '<>', before.id)
      .executeTakeFirst();
    if (!others) throw lastSecretariat();
  }
  const keepsSecretariat = before.role === 'secretariat' && before.active === 1 && (role !== 'secretariat' || !active);
  await runWrite(store, actor, async (w) => {
    w.guardExists('users', before.id, () => new ApiError('not_found', `ユーザー（ID: ${before.id}）は見つかりません。`));
    // Checked above for a clear answer, and again here: two secretariats deactivating each other at once must not both succeed.
    if (keepsSecretariat)
      w.guard(
        sql`EXISTS (SELECT 1 FROM users WHERE role = 'secretariat' AND active = 1 AND id <> ${before.id})`,
        lastSecretariat,
      );
    w.add(
      w.db
        .updateTable('users')
        .set({
          name: input.name ?? before.name,
          role,
          department_id: departmentId,
          active: active ? 1 : 0,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', before.id),
    );
    if (input.passwordHash !== undefined)
      w.add(w.db.updateTable('accounts').set({ password: input.passwordHash }).where('user_id', '=', before.id).where('provider_id', '=', 'credential'));
    if (!active || input.passwordHash !== undefined) w.add(w.db.deleteFrom('sessions').where('user_id', '=', before.id));
    w.audit({
      entity: 'user',
      entityId: before.id,
      action: active ? 'update' : 'deactivate',
      before: { name: before.name, role: before.role, departmentId: before.department_id, active: before.active === 1 },
      after: { name: input.name ?? before.name, role, departmentId, active, ...(input.passwordHash !== undefined && { password: '（変更）' }) },
    });
  });
}
