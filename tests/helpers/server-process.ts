/**
 * `npm start` as its own process (what a fault test kills, or runs twice on
 * one database): the real server on a free port, with its output kept.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../search/meili-process.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Node's flags, as `npm start` gives them (package.json): a larger young
 * generation, so that the many short-lived objects of requests under load
 * are collected with fewer pauses (p99 of tests/bench/api.ts: 23–25 → 20–21 ms).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

export interface ServerProcess {
  base: string;
  pid: number;
  /** What the server printed so far. */
  output(): string;
  /** Stops it as Ctrl-C would, and waits. */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), and waits. */
  kill(): Promise<void>;
}

/** Starts `api/server.ts` with these settings (PORT is chosen here) and waits until it answers. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // Node itself with tsx's loader, not the tsx command: that one runs the server as a child of its own,
  // which a SIGKILL to the pid we hold would not reach.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(root, 'api', 'server.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`the server did not start:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { base, pid: child.pid!, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Signs in over HTTP as a browser page of the service would (with its Origin); returns the session cookie. */
export async function signInOverHttp(base: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(account),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${account.email} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
