/**
 * `npm run user:create -- --email E --name N --role R [--department 課名|ID] [--password P]`:
 * creates an account in the database at DATABASE_PATH (./data/app.db by
 * default). Without --password a password is generated and printed once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { ApiError } from '../lib/errors.js';
import { listDepartments } from '../../db/departments.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openSqliteStore } from '../../db/sqlite.js';
import type { Role } from '../../db/schema.js';
import { createUser } from '../../db/users.js';
import { normalizeText } from '../lib/text.js';
import { Password } from '../features/users/schemas.js';
import { generatePassword } from './bootstrap.js';

const USAGE = `使い方: npm run user:create -- --email メールアドレス --name 氏名 --role secretariat|department|committee [--department 課名またはID] [--password パスワード]
  --role        secretariat（事務局）, department（担当課）, committee（委員）
  --department  担当課の職員のとき必須（例: 経営企画課、または担当課のID）
  --password    省略すると生成して表示します（10文字以上）
  データベースは DATABASE_PATH（既定 ./data/app.db）`;

const ROLES: Role[] = ['secretariat', 'department', 'committee'];

export interface UserCreateArgs {
  email: string;
  name: string;
  role: Role;
  department?: string;
  password?: string;
}

export function parseUserArgs(argv: string[]): UserCreateArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') throw new Error(USAGE);
    if (!['--email', '--name', '--role', '--department', '--password'].includes(a)) throw new Error(`知らないオプションです: ${a}\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${a} の値がありません。\n${USAGE}`);
    values[a.slice(2)] = value;
  }
  for (const required of ['email', 'name', 'role']) if (!values[required]) throw new Error(`--${required} を指定してください。\n${USAGE}`);
  if (!ROLES.includes(values.role as Role)) throw new Error(`--role には ${ROLES.join(', ')} のいずれかを指定してください。`);
  if (!z.email().safeParse(values.email!.trim()).success) throw new Error('--email の形式が正しくありません。');
  if (values.role === 'department' && !values.department) throw new Error('担当課の職員には --department を指定してください。');
  if (values.password !== undefined) {
    const checked = Password.safeParse(values.password);
    if (!checked.success) throw new Error(checked.error.issues[0]!.message);
  }
  return { email: values.email!, name: values.name!, role: values.role as Role, department: values.department, password: values.password };
}

async function main(): Promise<void> {
  const args = parseUserArgs(process.argv.slice(2));
  const store = openSqliteStore(process.env.DATABASE_PATH || './data/app.db');
  try {
    await migrateToLatest(store.db);
    let departmentId: number | null = null;
    if (args.role === 'department') {
      const departments = await listDepartments(store.db);
      const key = normalizeText(args.department!).replace(/\s+/g, '');
      const match = departments.filter(
        (d) => String(d.id) === key || normalizeText(d.name).replace(/\s+/g, '') === key || normalizeText(`${d.bureau ?? ''}${d.name}`).replace(/\s+/g, '') === key,
      );
      if (match.length !== 1)
        throw new Error(
          match.length === 0
            ? `担当課「${args.department}」が見つかりません。登録済みの担当課: ${departments.map((d) => `${d.id}: ${[d.bureau, d.name].filter(Boolean).join(' ')}`).join('、') || 'なし'}`
            : `担当課「${args.department}」に当てはまる課が複数あります。IDで指定してください。`,
        );
      departmentId = match[0]!.id;
    }
    const password = args.password ?? generatePassword();
    const id = await createUser(store, null, { email: args.email, name: args.name, role: args.role, departmentId, passwordHash: await hashPassword(password) });
    console.log(`アカウントを作成しました（ID: ${id}、${args.email}）。`);
    if (!args.password) console.log(`パスワード: ${password} （この表示は今回だけです）`);
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error instanceof ApiError || error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
