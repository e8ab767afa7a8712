/**
 * `npm run dev:edge`: the Workers build on this machine. Applies the
 * migrations to a local D1 database, then runs the Worker with `wrangler dev`
 * on $PORT (8787), with the settings the Node server reads from the
 * environment passed on as the Worker's variables. When the Worker answers,
 * it says where; with the sample data (SAMPLE_DATA, on by default as for
 * `npm start`) its first answer loads the sample and prints the trial accounts.
 *
 * `npm run dev:edge -- --persist-to DIR` keeps the local D1 in DIR instead of
 * .wrangler/state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSettings } from './settings.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const wranglerBin = path.join(root, 'node_modules', '.bin', 'wrangler');

/** The settings a Worker takes as variables (README.md, "Workers and D1"). */
const PASSED_ON = ['BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'AUTH_SECRET', 'PUBLIC_URL', 'MEILI_HOST', 'MEILI_API_KEY'] as const;

function wrangler(args: string[]): ChildProcess {
  return spawn(wranglerBin, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** True when nothing listens on `port` yet (another `npm start` or `dev:edge` would answer our health checks). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Waits for the Worker's first answer; says so when it answers with an error (a bad setting, a database to fix). */
async function waitUntilUp(url: string, child: ChildProcess): Promise<boolean> {
  let exited = false;
  child.once('exit', () => (exited = true));
  let told = false;
  for (let i = 0; i < 600 && !exited; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
      if (!told) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        console.error(`Worker がエラーを返しました: ${body?.error?.message ?? res.status}`);
        told = true;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * The Worker's variables in a file only this user can read, for wrangler's
 * --env-file: passwords on the command line would show in `ps`.
 */
function writeVarsFile(vars: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iken-dev-edge-'));
  const file = path.join(dir, '.dev.vars');
  const quote = (v: string) => (v.includes("'") ? JSON.stringify(v) : `'${v}'`);
  fs.writeFileSync(file, Object.entries(vars).map(([k, v]) => `${k}=${quote(v)}\n`).join(''), { mode: 0o600 });
  return dir;
}

/** `--persist-to DIR` or `--persist-to=DIR`. */
function persistArgs(argv: string[]): string[] {
  const i = argv.findIndex((a) => a === '--persist-to' || a.startsWith('--persist-to='));
  if (i < 0) return [];
  const dir = argv[i]!.includes('=') ? argv[i]!.slice('--persist-to='.length) : argv[i + 1];
  if (!dir) throw new Error('--persist-to にはフォルダを指定してください。');
  return ['--persist-to', dir];
}

async function main(): Promise<number> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  let persist: string[];
  try {
    persist = persistArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!(await portFree(settings.port))) {
    console.error(`ポート ${settings.port} は使用中です（npm start や別の dev:edge が動いていませんか）。PORT=8788 npm run dev:edge のように別のポートを指定してください。`);
    return 1;
  }

  const migrated = await finished(wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]));
  if (migrated !== 0) {
    console.error('ローカルの D1 データベースに移行を適用できませんでした。');
    return migrated;
  }

  const vars: Record<string, string> = {};
  for (const name of PASSED_ON) if (process.env[name]) vars[name] = process.env[name]!;
  vars.SAMPLE_DATA = settings.sampleData ? 'on' : 'off';
  // Plain http://localhost: cookies without `Secure` unless asked for.
  vars.COOKIE_SECURE = process.env.COOKIE_SECURE || 'off';
  const varsDir = writeVarsFile(vars);

  const dev = wrangler([
    'dev', '--port', String(settings.port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false', '--test-scheduled',
    '--env-file', path.join(varsDir, '.dev.vars'), ...persist,
  ]);
  // Listened for now: wrangler may exit (a bad setting, a port taken meanwhile) before the Worker ever answers.
  const done = finished(dev);
  dev.once('exit', () => fs.rmSync(varsDir, { recursive: true, force: true }));
  const stop = () => dev.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const base = `http://localhost:${settings.port}`;
  if (await waitUntilUp(`${base}/api/health`, dev))
    console.log(`意見・対応方針 管理（Workers と D1）: ${base}/ （API リファレンス: /api/docs）`);
  return done;
}

main().then((code) => process.exit(code));
