/**
 * Search: Japanese queries with a facet filter through `GET /api/search` on
 * N opinions, as the public asks them, against the very same requests sent
 * straight to Meilisearch (built by `meiliRequest`, the function the service
 * sends them with) with the client the service uses. One at a time,
 * alternating, after a warm-up pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { meiliClient } from '../../search/engine-sync.js';
import { meiliRequest } from '../../search/meili-search.js';
import { INDEX_UID } from '../../search/index-settings.js';
import { startMeilisearch } from '../../search/meili-process.js';
import type { SearchQuery } from '../../search/search-query.js';
import { SUBJECTS } from './data/corpus.js';
import { copyDatabase, opinionsDatabase, removeDatabase } from './lib/databases.js';
import { startService, type ServerProcess } from './lib/processes.js';
import { percentile, round, since } from './lib/stats.js';

export interface SearchFigures {
  opinions: number;
  queries: number;
  p95Ms: number;
  p50Ms: number;
  directP95Ms: number;
  directP50Ms: number;
  ratio: number;
  /** Seconds the service took to index the database at start. */
  indexSeconds: number;
}

/** Each subject with one facet filter, turning through the kinds of filter. */
function queries(): Array<Omit<SearchQuery, 'page' | 'perPage' | 'visibility'>> {
  const filters: Array<Partial<SearchQuery>> = [{ fiscalYear: 2024 }, { commitment: 'implement' }, { departmentId: 5 }, { fiscalYear: 2021 }, { state: 'published' }];
  return SUBJECTS.map((q, i) => ({ q, ...filters[i % filters.length] }));
}

/** Waits until the service has indexed every row of its database and has nothing waiting. */
async function waitIndexed(service: ServerProcess, meili: { host: string; apiKey: string }, documents: number, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const health = (await (await fetch(`${service.base}/api/health`)).json()) as { search: string; searchBacklog: number };
    const stats = await fetch(`${meili.host}/indexes/${INDEX_UID}/stats`, { headers: { authorization: `Bearer ${meili.apiKey}` } });
    const count = stats.ok ? ((await stats.json()) as { numberOfDocuments: number }).numberOfDocuments : 0;
    if (health.search === 'ok' && health.searchBacklog === 0 && count >= documents) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the search index did not reach ${documents} documents in ${timeoutMs / 1000} s:\n${service.output()}`);
}

/**
 * Indexes `n` opinions through the service, times `passes` rounds of the
 * queries, then runs `also` (the sync benchmark) on the same service.
 */
export async function searchBench<T>(
  dir: string,
  n: number,
  passes: number,
  also: (service: ServerProcess) => Promise<T>,
): Promise<{ search: SearchFigures; also: T }> {
  const database = copyDatabase(await opinionsDatabase(dir, n), path.join(dir, `search-${n}.db`));
  const dataDir = path.join(dir, `meili-${n}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const meili = await startMeilisearch({ dataDir, startTimeoutMs: 60_000 });
  let service: ServerProcess | undefined;
  try {
    const started = performance.now();
    service = await startService(database, { MEILI_HOST: meili.host, MEILI_API_KEY: meili.apiKey });
    await waitIndexed(service, meili, n, 60 * 60_000);
    const indexSeconds = round(since(started) / 1000);

    const list = queries();
    const viaService = async (q: (typeof list)[number]) => {
      const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
      const start = performance.now();
      const res = await fetch(`${service!.base}/api/search?${params}`);
      const body = (await res.json()) as { degraded: boolean; total: number };
      const ms = since(start);
      if (res.status !== 200 || body.degraded) throw new Error(`search answered ${res.status}, degraded ${body.degraded}`);
      return { ms, total: body.total };
    };
    // The same client the service uses (search/engine-sync.ts), so that only the service's own work differs.
    const client = meiliClient(meili.host, meili.apiKey);
    const direct = async (q: (typeof list)[number]) => {
      const request = meiliRequest({ ...q, page: 1, perPage: 20, visibility: 'published' });
      const start = performance.now();
      const body = await client.index(INDEX_UID).search(request.q, request.params);
      return { ms: since(start), total: body.totalHits };
    };
    // Warm-up, and a check that both find the same number of hits.
    for (const q of list) {
      const [a, b] = [await viaService(q), await direct(q)];
      if (a.total !== b.total) throw new Error(`"${q.q}": the service found ${a.total}, Meilisearch ${b.total}`);
      if (a.total === 0) throw new Error(`"${q.q}" with its filter finds nothing: not a fair query`);
    }
    const service_: number[] = [];
    const direct_: number[] = [];
    for (let p = 0; p < passes; p++)
      for (const q of list) {
        service_.push((await viaService(q)).ms);
        direct_.push((await direct(q)).ms);
      }
    const p95 = percentile(service_, 95);
    const directP95 = percentile(direct_, 95);
    const search: SearchFigures = {
      opinions: n,
      queries: service_.length,
      p95Ms: round(p95),
      p50Ms: round(percentile(service_, 50)),
      directP95Ms: round(directP95),
      directP50Ms: round(percentile(direct_, 50)),
      ratio: round(p95 / directP95, 2),
      indexSeconds,
    };
    return { search, also: await also(service) };
  } finally {
    await service?.stop();
    await meili.stop();
    removeDatabase(database);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
