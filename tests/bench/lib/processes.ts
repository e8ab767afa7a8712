/** The processes a benchmark measures: the service itself, the bare reference, and load. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../../search/meili-process.js';
import { spawnServer, type ServerProcess } from '../../helpers/server-process.js';
import { round } from './stats.js';

export { signInOverHttp, type ServerProcess } from '../../helpers/server-process.js';

/** The service (`api/server.ts`) on `database`, with no sample data loaded; `env` adds settings. */
export function startService(database: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return spawnServer({ DATABASE_PATH: database, SAMPLE_DATA: 'off', MEILI_HOST: 'none', COOKIE_SECURE: 'off', ...env });
}

/** The bare reference server answering `body` (tests/bench/bare-server.ts). */
export async function startBareServer(bodyFile: string, contentType: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'bare-server.ts')], {
    env: { ...process.env, BODY_FILE: bodyFile, CONTENT_TYPE: contentType, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** autocannon against `url`: `connections` at once for `seconds`, after a short warm-up. */
export async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadFigures> {
  await autocannon({ url, connections, duration: 2, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    reqPerSec: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
