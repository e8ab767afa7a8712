/**
 * What accounts need at start: the secret that signs session cookies, and a
 * first secretariat account so that someone can sign in at all.
 */
import { hashPassword } from 'better-auth/crypto';
import { getMeta, setMeta } from '../../db/meta.js';
import type { Store } from '../../db/store.js';
import { createUser, hasActiveSecretariat } from '../../db/users.js';

const SECRET_KEY = 'auth_secret';

/**
 * The cookie-signing secret: `AUTH_SECRET` when set, else one generated on
 * first start and kept in the database, so sessions survive a restart and
 * every process on the same database agrees.
 */
export async function authSecret(store: Store, fromEnv?: string): Promise<string> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('AUTH_SECRET は32文字以上にしてください。');
    return fromEnv;
  }
  const stored = await getMeta(store.db, SECRET_KEY);
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const generated = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  // Two processes starting at once: the first write wins and both read it back.
  await store.db.insertInto('meta').values({ key: SECRET_KEY, value: generated }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await getMeta(store.db, SECRET_KEY)) ?? generated;
}

/** A password people can type and read aloud: 16 letters and digits without look-alikes (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => alphabet[b % alphabet.length]).join('');
}

export type BootstrapResult = 'created' | 'exists' | 'missing';

/**
 * Creates the first secretariat account from `BOOTSTRAP_ADMIN_EMAIL` and
 * `BOOTSTRAP_ADMIN_PASSWORD` when there is no active one. Returns `missing`
 * when there is none and the settings do not say how to make one.
 */
export async function bootstrapAdmin(store: Store, email?: string, password?: string): Promise<BootstrapResult> {
  if (await hasActiveSecretariat(store.db)) return 'exists';
  if (!email || !password) return 'missing';
  if (password.length < 10) throw new Error('BOOTSTRAP_ADMIN_PASSWORD は10文字以上にしてください。');
  await createUser(store, null, { email, name: '事務局（初期アカウント）', role: 'secretariat', passwordHash: await hashPassword(password) });
  return 'created';
}

/** What the server prints when nobody can sign in yet. */
export const NO_ADMIN_HELP = [
  '事務局のアカウントがまだありません。次のどちらかで作成してください:',
  '  BOOTSTRAP_ADMIN_EMAIL=jimukyoku@example.jp BOOTSTRAP_ADMIN_PASSWORD=（10文字以上） npm start',
  '  npm run user:create -- --email jimukyoku@example.jp --name 事務局 --role secretariat',
].join('\n');
