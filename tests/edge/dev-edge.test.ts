/**
 * `npm run dev:edge` as a person runs it: wrangler applies the migrations to
 * a local D1 and serves the Worker on $PORT. A client signs in, creates a
 * meeting and 120 opinions one by one and lists all 120 back; seed 001 is
 * imported on D1, and a document that fails halfway leaves nothing behind.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../search/meili-process.js';
import { wrangler } from '../helpers/edge-setup.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const seed001 = fs.readFileSync(path.join(root, '..', 'shared', 'seeds', '001_4cf7fbf0a1127527.txt'), 'utf8');
const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'dev-edge-password-1' };

let dev: ChildProcess;
let output = '';
let base: string;
let dir: string;
let cookie: string;

async function api(method: string, url: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${url}`, {
    method,
    // As a browser page of the service sends them: its own origin, and the session cookie.
    headers: { origin: base, ...(cookie && { cookie }), ...(body !== undefined && { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Runs SQL on the local D1 that `wrangler dev` is serving. */
async function d1(command: string): Promise<any[]> {
  const { stdout } = await wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--json', '--command', command]);
  return JSON.parse(stdout)[0].results;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iken-dev-edge-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  dev = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['api/dev-edge.ts', '--persist-to', dir], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SAMPLE_DATA: 'off', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 240 && !output.includes('意見・対応方針 管理（Workers と D1）'); i++) {
    if (dev.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!output.includes('意見・対応方針 管理（Workers と D1）')) throw new Error(`dev:edge did not start:\n${output}`);
}, 120_000);

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((r) => dev.once('exit', r));
    process.kill(-dev.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev:edge', () => {
  it('applied the migrations to the local D1 and created the first account from BOOTSTRAP_ADMIN_*', async () => {
    const applied = (await d1('SELECT name FROM d1_migrations ORDER BY id')).map((r) => r.name);
    expect(applied).toEqual(fs.readdirSync(path.join(root, 'db', 'd1-migrations')).filter((f) => f.endsWith('.sql')).sort());
    const res = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api('GET', '/api/me')).body).toMatchObject({ email: ADMIN.email, role: 'secretariat' });
  });

  it('takes a meeting and 120 opinions one by one, and lists all 120 back', async () => {
    const meeting = await api('POST', '/api/meetings', { title: '令和8年度 第1回 市民会議', kind: 'committee', fiscalYear: 2026, heldOn: '2026-05-20' });
    expect(meeting.status).toBe(201);
    const created: number[] = [];
    for (let i = 1; i <= 120; i++) {
      const res = await api('POST', '/api/opinions', { meetingId: meeting.body.id, text: `意見${i}：駅前の歩道を広げてほしい。` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      created.push(res.body.id);
    }
    const listed: any[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await api('GET', `/api/opinions?meetingId=${meeting.body.id}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      listed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(120);
    expect(listed.map((o) => o.id).sort((a, b) => a - b)).toEqual(created);
    expect(listed.map((o) => o.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('imports seed 001 on D1 all or nothing: failing halfway leaves nothing, and the import then succeeds whole', async () => {
    const before = await d1(
      "SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM plan_nodes) AS nodes, (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM import_sources) AS sources, (SELECT count(*) FROM search_outbox) AS outbox",
    );
    // Make D1 itself fail in the middle of the document's batch: after the plan, its nodes and 20 indicators were written.
    await d1("CREATE TRIGGER fail_halfway BEFORE INSERT ON indicators WHEN (SELECT count(*) FROM indicators) >= 20 BEGIN SELECT RAISE(ABORT, 'halfway'); END");
    const failed = await api('POST', '/api/imports', seed001, 'text/plain; charset=utf-8');
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('internal');
    const after = await d1(
      "SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM plan_nodes) AS nodes, (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM import_sources) AS sources, (SELECT count(*) FROM search_outbox) AS outbox",
    );
    expect(after).toEqual(before);
    expect((await api('GET', '/api/plans')).body.items).toEqual([]);

    await d1('DROP TRIGGER fail_halfway');
    const res = await api('POST', '/api/imports', seed001, 'text/plain; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'plan', alreadyImported: false, created: { plans: 1, nodes: 62, indicators: 39 } });
    const plan = (await api('GET', `/api/plans/${res.body.ids.planIds[0]}`)).body;
    const flatten = (nodes: any[]): any[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
    const nodes = flatten(plan.nodes);
    expect(nodes.filter((n) => n.level === '主な取組')).toHaveLength(46);
    expect(nodes.flatMap((n) => n.indicators)).toHaveLength(39);
    // Nothing was left over from the failed attempt to make this one an "already imported" no-op.
    expect((await d1('SELECT count(*) AS n FROM plans'))[0].n).toBe(1);
  });

  it('refuses a port another server already answers on, instead of pointing at that server', async () => {
    const busy = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    try {
      const port = (busy.address() as net.AddressInfo).port;
      const result = await run(path.join(root, 'node_modules', '.bin', 'tsx'), ['api/dev-edge.ts'], { cwd: root, env: { ...process.env, PORT: String(port) } }).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`ポート ${port} は使用中です`);
      expect(result.stdout).not.toContain('意見・対応方針 管理（Workers と D1）');
    } finally {
      busy.close();
    }
  });
});
