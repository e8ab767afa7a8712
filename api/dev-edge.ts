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

async function waitUntilUp(url: string, child: ChildProcess): Promise<boolean> {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 600 && !exited; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main(): Promise<number> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const persistAt = process.argv.indexOf('--persist-to');
  const persist = persistAt >= 0 ? ['--persist-to', process.argv[persistAt + 1] ?? ''] : [];

  const migrated = await finished(wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]));
  if (migrated !== 0) {
    console.error('ローカルの D1 データベースに移行を適用できませんでした。');
    return migrated;
  }

  const vars: string[] = [];
  const pass = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') vars.push('--var', `${name}:${value}`);
  };
  for (const name of PASSED_ON) pass(name, process.env[name]);
  pass('SAMPLE_DATA', settings.sampleData ? 'on' : 'off');
  // Plain http://localhost: cookies without `Secure` unless asked for.
  pass('COOKIE_SECURE', process.env.COOKIE_SECURE || 'off');

  const dev = wrangler(['dev', '--port', String(settings.port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false', '--test-scheduled', ...persist, ...vars]);
  const stop = () => dev.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const base = `http://localhost:${settings.port}`;
  if (await waitUntilUp(`${base}/api/health`, dev))
    console.log(`意見・対応方針 管理（Workers と D1）: ${base}/ （API リファレンス: /api/docs）`);
  return finished(dev);
}

main().then((code) => process.exit(code));
