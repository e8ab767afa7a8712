/**
 * A flood of 2,000 malformed, oversized and random requests (fast-check) at
 * a running server: no answer is a 5xx, the server keeps answering quickly
 * all along, and its memory comes back to where it was.
 */
import fs from 'node:fs';
import http from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serversInTempDir } from '../helpers/test-app.js';
import { signInOverHttp } from '../helpers/server-process.js';

const { dir, spawn } = serversInTempDir('request-flood-');

const ADMIN = { email: 'jimukyoku@city.example.jp', password: 'request-flood-pass-1' };

/** GET /api/health on a connection of its own (not one a refused upload may have closed): status and milliseconds. */
function health(base: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/health`, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      })
      .on('error', reject);
  });
}

/** The server's resident memory in MB (Linux). */
function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

interface Hostile {
  method: string;
  path: string;
  query: string;
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
  signedIn: boolean;
}

function hostileRequests(paths: string[]): fc.Arbitrary<Hostile> {
  const junkId = fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), fc.constantFrom('0', 'abc', '1e9', '99999999999999999999', '%00', '..%2F..', '1;DROP TABLE opinions', 'ｌ', ''));
  const pathArb = fc.tuple(fc.constantFrom(...paths), junkId).map(([p, id]) => p.replace(/\{[^}]+\}/g, id));
  const queryArb = fc
    .dictionary(fc.constantFrom('limit', 'cursor', 'q', 'meetingId', 'nodeId', 'period', 'format', 'groupBy', 'page', 'type', 'dryRun', 'kind', fc.string() as never), fc.oneof(fc.string(), fc.integer().map(String), fc.constant('a'.repeat(5000))), { maxKeys: 4 })
    .map((q) => new URLSearchParams(q as Record<string, string>).toString());
  const bodyArb = fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
    { weight: 1, arbitrary: fc.constantFrom('{"text":', '{"a":' + '['.repeat(5000), '\u0000\uFFFF', '{"meetingId":1,"text":"' + 'あ'.repeat(20000) + '"}') },
    // Over the 2 MB limit (20 MB for imports).
    { weight: 1, arbitrary: fc.constant(undefined).map(() => 'x'.repeat(2.5 * 1024 * 1024)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    path: fc.oneof({ weight: 9, arbitrary: pathArb }, { weight: 1, arbitrary: fc.string().map((s) => `/api/${encodeURIComponent(s)}`) }),
    query: queryArb,
    body: bodyArb,
    contentType: fc.constantFrom(undefined, 'application/json', 'text/plain; charset=utf-8', 'text/csv', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', 'image/png'),
    signedIn: fc.boolean(),
  });
}

describe('a flood of hostile requests', () => {
  it('gets no 5xx, leaves the server answering health checks quickly, and memory returns to its baseline', async () => {
    const server = await spawn({ DATABASE_PATH: `${dir}/app.db`, SAMPLE_DATA: 'on', MEILI_HOST: 'none', BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
    const base = server.base;
    const cookie = await signInOverHttp(base, ADMIN);
    const paths = Object.keys(((await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> }).paths).map((p) => p);

    /**
     * A body the server refused before reading it all is drained for half a
     * second (@hono/node-server), then the connection is closed; on a loaded
     * machine the client may then see a reset instead of its 4xx. Counted, not
     * failures: the server answered and goes on.
     */
    let cutOff = 0;
    /** One request on a connection of its own, as 2,000 different clients would send them. */
    const send = (r: Hostile): Promise<string | null> => {
      const headers: Record<string, string> = { origin: base };
      if (r.contentType) headers['content-type'] = r.contentType;
      if (r.signedIn) headers.cookie = cookie;
      const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body;
      const url = `${base}${r.path}${r.query ? `?${r.query}` : ''}`;
      // Past the body limit the server answers 413, past Node's 16 KB of request line and headers the parser answers 431,
      // and both stop reading: the upload may be cut off before the answer is read.
      const oversized = (typeof body === 'string' && body.length > 2 * 1024 * 1024) || url.length > 16 * 1024 - 512;
      return new Promise((resolve) => {
        const req = http.request(url, { method: r.method, headers, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve((res.statusCode ?? 0) >= 500 ? `${res.statusCode} ${r.method} ${url.slice(0, 200)}` : null));
        });
        req.on('error', (error) => {
          if (oversized) return resolve(null);
          if (body !== undefined && /ECONNRESET|EPIPE/.test(error.message)) {
            cutOff += 1;
            return resolve(null);
          }
          resolve(`no answer: ${r.method} ${url.slice(0, 200)} ${error.message}`);
        });
        if (body !== undefined) req.write(body);
        req.end();
      });
    };
    const flood = async (requests: Hostile[]) => {
      const failures: string[] = [];
      const slowHealth: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          const failure = await send(r);
          if (failure) failures.push(failure);
          if (next % 100 === 0) {
            const { status, ms } = await health(base);
            if (status !== 200 || ms > 1000) slowHealth.push(Math.round(ms));
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      return { failures, slowHealth };
    };

    const arbitrary = hostileRequests(paths);
    // Warm up (code paths compiled, caches filled), then the baseline.
    await flood(fc.sample(arbitrary, { numRuns: 300, seed: 1 }));
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = rssMb(server.pid);

    const { failures, slowHealth } = await flood(fc.sample(arbitrary, { numRuns: 2000, seed: 2 }));
    expect(failures).toEqual([]);
    expect(cutOff).toBeLessThanOrEqual(20);
    expect(slowHealth).toEqual([]);
    expect(server.output()).not.toMatch(/\[internal error\]/);

    // Memory: after the flood and a short rest, back near the baseline (a leak of 40 KB a request would show).
    let after = rssMb(server.pid);
    for (let i = 0; i < 20 && after > baseline + 80; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = rssMb(server.pid);
    }
    console.log(`request flood: RSS ${baseline.toFixed(0)} MB before, ${after.toFixed(0)} MB after 2,000 requests; ${cutOff} uploads cut off after their answer`);
    expect(after).toBeLessThan(baseline + 80);
    // Still answering real work.
    const meetings = await fetch(`${base}/api/meetings`);
    expect(meetings.status).toBe(200);
  });
});
