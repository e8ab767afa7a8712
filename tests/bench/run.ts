/**
 * `npm run bench`: the benchmarks of issue 8, each measured beside its
 * physical reference in the same run. Not part of `npm test`.
 *
 *   npm run bench                     full size, with the growth series (10k, 100k, 1M)
 *   npm run bench -- --quick          the same figures at quicker settings (under ten minutes)
 *   npm run bench -- --out FILE       also write the figures as JSON
 *   npm run bench -- --only api,web   only some (import, api, search, summary, web; sync runs with search)
 *   npm run bench -- --results        write tests/bench/RESULTS.md and growth.svg from this (full) run
 *   npm run bench -- --results-from F write them from a run saved with --out, measuring nothing
 *
 * Exits with 1 when a target is missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiBench } from './api.js';
import { importBench } from './import.js';
import { describeMachine } from './lib/machine.js';
import { checkTargets } from './lib/targets.js';
import { writeResults } from './results.js';
import { searchBench } from './search.js';
import { summaryBench } from './summary.js';
import { syncBench } from './sync.js';
import { webBench } from './web.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const resultsFrom = value('results-from');
if (resultsFrom) {
  writeResults(JSON.parse(fs.readFileSync(resultsFrom, 'utf8')));
  console.log('tests/bench/RESULTS.md を書き出しました。');
  process.exit(0);
}
const quick = flag('quick');
const only = value('only')?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const out = value('out');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iken-bench-'));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Sizes: opinions for import, the API and search; progress reports for the summary. */
const N = 100_000;
const REPORTS = 1_000_000;
const settings = quick
  ? { importRounds: 3, apiSeconds: 10, searchPasses: 3, syncSamples: 30, summaryRuns: 10 }
  : { importRounds: 3, apiSeconds: 30, searchPasses: 10, syncSamples: 100, summaryRuns: 20 };

const result: Record<string, unknown> = {
  mode: quick ? 'quick' : 'full',
  startedAt: new Date().toISOString(),
  machine: describeMachine(dir),
  settings,
};

try {
  if (wanted('web')) {
    log('web: the scripts the home page loads');
    result.web = await webBench(dir);
  }
  if (wanted('import')) {
    log(`import: ${N.toLocaleString()} opinions through the importer and through raw prepared statements`);
    result.import = await importBench(dir, N, settings.importRounds);
  }
  if (wanted('api')) {
    log(`api: GET /api/opinions?limit=50 on ${N.toLocaleString()} opinions, 50 connections, ${settings.apiSeconds} s each`);
    result.api = await apiBench(dir, N, settings.apiSeconds);
  }
  if (wanted('summary')) {
    log(`summary: the status table over ${REPORTS.toLocaleString()} progress reports`);
    result.summary = await summaryBench(dir, N, REPORTS, settings.summaryRuns);
  }
  if (wanted('search') || wanted('sync')) {
    log(`search: indexing ${N.toLocaleString()} opinions, then Japanese queries with a facet filter; then sync`);
    const { search, also } = await searchBench(dir, N, settings.searchPasses, (service) => syncBench(service, settings.syncSamples));
    result.search = search;
    result.sync = also;
  }
  if (!quick && !only) {
    const growth: Record<string, Array<{ size: number; [key: string]: number }>> = { import: [], api: [], search: [], summary: [] };
    for (const size of [10_000, 100_000, 1_000_000]) {
      log(`growth at ${size.toLocaleString()}`);
      const imp = await importBench(dir, size, size >= 1_000_000 ? 1 : 2);
      growth.import!.push({ size, ms: imp.ms, rawMs: imp.rawMs });
      const api = await apiBench(dir, size, 10);
      growth.api!.push({ size, p99Ms: api.p99Ms, reqPerSec: api.reqPerSec });
      const { search } = await searchBench(dir, size, 3, async () => null);
      growth.search!.push({ size, p95Ms: search.p95Ms, directP95Ms: search.directP95Ms, indexSeconds: search.indexSeconds });
      const summary = await summaryBench(dir, N, size, 10);
      growth.summary!.push({ size, ms: summary.ms });
    }
    result.growth = growth;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

result.targets = checkTargets(result as never);
const checks = result.targets as ReturnType<typeof checkTargets>;
console.log(JSON.stringify(result, null, 2));
console.log('\ntarget                 value        target      met');
for (const c of checks) console.log(`${c.name.padEnd(22)} ${String(c.value).padStart(10)}   ${c.target.padEnd(10)}  ${c.met ? 'yes' : 'NO'}`);
if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
if (flag('results')) writeResults(result as never);
process.exit(checks.every((c) => c.met) ? 0 : 1);
