/**
 * Accounts to try the sample data with: one per role. They share one
 * password generated for this database and printed once at first start, so
 * no installation ever carries a known password.
 */
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'kysely';
import type { Store } from '../../db/store.js';
import { createUser } from '../../db/users.js';
import { generatePassword } from '../../api/auth/bootstrap.js';
import type { Role } from '../../db/schema.js';

export interface SampleAccount {
  email: string;
  name: string;
  role: Role;
  departmentName: string | null;
}

export interface SampleAccounts {
  accounts: SampleAccount[];
  password: string;
}

export async function createSampleAccounts(store: Store): Promise<SampleAccounts> {
  // The department with the most opinions to answer, so its inbox has something in it.
  const { rows } = await sql<{ id: number; name: string; bureau: string | null }>`
    SELECT d.id, d.name, d.bureau FROM departments d JOIN opinions o ON o.department_id = d.id
    GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1`.execute(store.db);
  const department = rows[0];
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const accounts: SampleAccount[] = [
    { email: 'jimukyoku@example.jp', name: '事務局 担当', role: 'secretariat', departmentName: null },
    ...(department
      ? [{ email: 'tantouka@example.jp', name: `${department.name} 担当`, role: 'department' as const, departmentName: [department.bureau, department.name].filter(Boolean).join(' ') }]
      : []),
    { email: 'iin@example.jp', name: '委員 閲覧用', role: 'committee', departmentName: null },
  ];
  for (const a of accounts)
    await createUser(store, null, { email: a.email, name: a.name, role: a.role, departmentId: a.role === 'department' ? department!.id : null, passwordHash });
  return { accounts, password };
}
