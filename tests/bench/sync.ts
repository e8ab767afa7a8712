/**
 * Search sync: from the moment a secretariat saves a new opinion to the
 * moment `GET /api/search` finds it, on the service the search benchmark
 * started (its index already holds N opinions). Each opinion carries a word
 * of its own; the search is polled every 10 ms. Until the engine confirms a
 * change the search answers for it from the database (search/run-search.ts),
 * so the time until the engine has it is measured too.
 */
import { BENCH_ADMIN } from './lib/databases.js';
import { signInOverHttp, type ServerProcess } from './lib/processes.js';
import { median, percentile, round, since } from './lib/stats.js';

export interface SyncFigures {
  samples: number;
  /** Until `GET /api/search` finds it. */
  p95Ms: number;
  p50Ms: number;
  maxMs: number;
  /** Until the engine has confirmed it (the search outbox is empty again): what the search answers from once it is. */
  indexP95Ms: number;
  indexP50Ms: number;
}

export async function syncBench(service: ServerProcess, samples: number): Promise<SyncFigures> {
  const cookie = await signInOverHttp(service.base, BENCH_ADMIN);
  const headers = { cookie, origin: service.base, 'content-type': 'application/json' };
  const meeting = await fetch(`${service.base}/api/meetings`, { method: 'POST', headers, body: JSON.stringify({ title: '同期計測の会議', fiscalYear: 2026 }) });
  if (meeting.status !== 201) throw new Error(`creating the meeting answered ${meeting.status}`);
  const meetingId = ((await meeting.json()) as { id: number }).id;
  const times: number[] = [];
  const indexed: number[] = [];
  for (let i = 0; i < samples; i++) {
    const word = `sync${i}q${Math.random().toString(36).slice(2, 8)}`;
    const start = performance.now();
    const created = await fetch(`${service.base}/api/opinions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ meetingId, text: `検索への反映を計測する意見 ${word}` }),
    });
    if (created.status !== 201) throw new Error(`creating an opinion answered ${created.status}`);
    for (;;) {
      const res = await fetch(`${service.base}/api/search?q=${word}`, { headers: { cookie } });
      const body = (await res.json()) as { total: number; degraded: boolean };
      if (!body.degraded && body.total === 1) break;
      if (since(start) > 30_000) throw new Error(`opinion ${word} was not searchable within 30 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    times.push(since(start));
    for (;;) {
      const health = (await (await fetch(`${service.base}/api/health`)).json()) as { searchBacklog: number };
      if (health.searchBacklog === 0) break;
      if (since(start) > 30_000) throw new Error(`opinion ${word} was not indexed within 30 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    indexed.push(since(start));
  }
  return {
    samples,
    p95Ms: round(percentile(times, 95)),
    p50Ms: round(median(times)),
    maxMs: round(percentile(times, 100)),
    indexP95Ms: round(percentile(indexed, 95)),
    indexP50Ms: round(median(indexed)),
  };
}
