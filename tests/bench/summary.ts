/**
 * The status summary (取組状況の総括表) of the sample plan, computed from the
 * latest report of every item in the latest period, over a database holding
 * `reports` progress reports: `GET /api/progress/summary?planId=…` as the
 * secretariat and as the public. The public read cache is off: this is the
 * time to compute the table, which every change to the data makes it do.
 */
import { progressDatabase, BENCH_ADMIN } from './lib/databases.js';
import { signInOverHttp, startService } from './lib/processes.js';
import { median, percentile, round, since } from './lib/stats.js';
import BetterSqlite3 from 'better-sqlite3';

export interface SummaryFigures {
  reports: number;
  /** The slower of the two readers' median times. */
  ms: number;
  secretariatMs: number;
  publicMs: number;
  maxMs: number;
  items: number;
}

export async function summaryBench(dir: string, opinions: number, reports: number, runs: number): Promise<SummaryFigures> {
  const database = await progressDatabase(dir, opinions, reports);
  const planId = (() => {
    const db = new BetterSqlite3(database, { readonly: true });
    try {
      return (db.prepare('SELECT min(id) AS id FROM plans').get() as { id: number }).id;
    } finally {
      db.close();
    }
  })();
  const service = await startService(database, { PUBLIC_CACHE: 'off' });
  try {
    const cookie = await signInOverHttp(service.base, BENCH_ADMIN);
    const url = `${service.base}/api/progress/summary?planId=${planId}`;
    const time = async (headers: Record<string, string>) => {
      const start = performance.now();
      const res = await fetch(url, { headers });
      const body = (await res.json()) as { totals: { total: number }; source: string };
      const ms = since(start);
      if (res.status !== 200 || body.source !== 'computed') throw new Error(`the summary answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      return { ms, items: body.totals.total };
    };
    // Warm-up: the first answers read the database from disk.
    await time({ cookie });
    await time({});
    const staff: number[] = [];
    const publicTimes: number[] = [];
    let items = 0;
    for (let i = 0; i < runs; i++) {
      const a = await time({ cookie });
      staff.push(a.ms);
      items = a.items;
      publicTimes.push((await time({})).ms);
    }
    if (items === 0) throw new Error("the summary counted no items");
    return {
      reports,
      ms: round(Math.max(median(staff), median(publicTimes))),
      secretariatMs: round(median(staff)),
      publicMs: round(median(publicTimes)),
      maxMs: round(Math.max(percentile(staff, 100), percentile(publicTimes, 100))),
      items,
    };
  } finally {
    await service.stop();
  }
}
