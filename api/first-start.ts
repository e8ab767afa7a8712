/**
 * What a new installation does on its first start, the same on both
 * runtimes: a new database gets the sample data and its trial accounts (when
 * SAMPLE_DATA is on), and the first secretariat account comes from
 * BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD. The Node server runs it
 * once at start (api/server.ts); a Worker on the first request each
 * instance serves (api/worker.ts).
 */
import { getMeta, setMeta } from '../db/meta.js';
import type { Store } from '../db/store.js';
import { createSampleAccounts } from '../seeds/sample/accounts.js';
import { loadSampleData } from '../seeds/sample/load.js';
import { bootstrapAdmin, NO_ADMIN_HELP } from './auth/bootstrap.js';
import { ROLE_LABELS } from './lib/labels.js';
import type { Settings } from './settings.js';

/** The meta row that says how far the sample data got: 'loading', then 'loaded'. */
export const SAMPLE_MARKER = 'sample_data';

export interface StartLog {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLog: StartLog = { info: (m) => console.log(m), warn: (m) => console.warn(m) };

type FirstStartSettings = Pick<Settings, 'sampleData' | 'bootstrapAdminEmail' | 'bootstrapAdminPassword'>;

export interface FirstStartOptions {
  log?: StartLog;
  /** What to tell the operator when nobody can sign in yet (how to make the first account on this runtime). */
  noAdminHelp?: string;
}

/**
 * Claims the sample load in one statement, so that of two processes (or two
 * Worker instances) starting on one new database only one loads it.
 */
async function claimSampleLoad(store: Store): Promise<boolean> {
  const result = await store.db
    .insertInto('meta')
    .values({ key: SAMPLE_MARKER, value: 'loading' })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** True while the sample data of this database has begun loading and not finished. */
export async function sampleLoadInterrupted(store: Store): Promise<boolean> {
  return (await getMeta(store.db, SAMPLE_MARKER)) === 'loading';
}

/** A database nobody has used: no account, nothing recorded. */
export async function isNewDatabase(store: Store): Promise<boolean> {
  const used = await store.db
    .selectFrom('users')
    .select('id')
    .union(store.db.selectFrom('meetings').select('id'))
    .union(store.db.selectFrom('plans').select('id'))
    .limit(1)
    .executeTakeFirst();
  return used === undefined && (await getMeta(store.db, SAMPLE_MARKER)) === undefined;
}

/**
 * The sample data into a new database (`fresh`), then the first secretariat
 * account. The sample is many writes, bracketed by the marker, so that an
 * interrupted load can be recognised (`sampleLoadInterrupted`).
 */
export async function firstStart(store: Store, settings: FirstStartSettings, fresh: boolean, options: FirstStartOptions = {}): Promise<void> {
  const log = options.log ?? consoleLog;
  const bootstrap = async () => {
    const admin = await bootstrapAdmin(store, settings.bootstrapAdminEmail, settings.bootstrapAdminPassword);
    if (admin === 'created') log.info(`事務局のアカウント ${settings.bootstrapAdminEmail} を作成しました。`);
    return admin;
  };
  if (fresh && settings.sampleData && (await claimSampleLoad(store))) {
    const summary = await loadSampleData(store);
    // The city's own first account comes before the trial accounts, which would otherwise count as "a secretariat exists".
    await bootstrap();
    const { accounts, password } = await createSampleAccounts(store);
    await setMeta(store.db, SAMPLE_MARKER, 'loaded');
    log.info(`サンプルデータを読み込みました（会議 ${summary.meetings}件、意見 ${summary.opinions}件、計画ノード ${summary.nodes}件）`);
    log.info(`試用アカウント（パスワードはすべて ${password} 。この表示は今回だけです）:`);
    for (const a of accounts) log.info(`  ${a.email}  ${ROLE_LABELS[a.role]}${a.departmentName ? `（${a.departmentName}）` : ''}`);
    return;
  }
  if ((await bootstrap()) === 'missing') log.warn(options.noAdminHelp ?? NO_ADMIN_HELP);
}
