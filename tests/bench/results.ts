/**
 * Writes tests/bench/RESULTS.md and growth.svg from a full run
 * (`npm run bench -- --results`): the machine, each figure beside its
 * reference and target, and how time grows with the amount of data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MachineDescription } from './lib/machine.js';
import type { TargetCheck } from './lib/targets.js';

type Row = { size: number; [key: string]: number };
interface Run {
  mode: string;
  startedAt: string;
  machine: MachineDescription;
  import: Record<string, number>;
  api: Record<string, number>;
  search: Record<string, number>;
  summary: Record<string, number>;
  sync: Record<string, number>;
  web: Record<string, number>;
  targets: TargetCheck[];
  growth?: { import: Row[]; api: Row[]; search: Row[]; summary: Row[] };
}

const here = import.meta.dirname;

/** Series of the chart: what is drawn, from which rows, in which colour. */
function series(g: NonNullable<Run['growth']>) {
  return [
    { label: '取り込み（意見数, ms）', color: '#1b5e9e', points: g.import.map((r) => [r.size, Number(r.ms)] as const) },
    { label: '取り込みの参照値（生の INSERT, ms）', color: '#1b5e9e', dashed: true, points: g.import.map((r) => [r.size, Number(r.rawMs)] as const) },
    { label: '一覧 API p99（意見数, ms）', color: '#b3261e', points: g.api.map((r) => [r.size, Number(r.p99Ms)] as const) },
    { label: '検索 p95（意見数, ms）', color: '#2e7d32', points: g.search.map((r) => [r.size, Number(r.p95Ms)] as const) },
    { label: '検索の参照値（Meilisearch 直接, ms）', color: '#2e7d32', dashed: true, points: g.search.map((r) => [r.size, Number(r.directP95Ms)] as const) },
    { label: '総括表（取組状況の報告数, ms）', color: '#6a1b9a', points: g.summary.map((r) => [r.size, Number(r.ms)] as const) },
  ];
}

/** A log–log line chart of time against data size. */
export function growthSvg(g: NonNullable<Run['growth']>): string {
  const W = 760, H = 420, left = 70, right = 250, top = 30, bottom = 50;
  const all = series(g).flatMap((s) => s.points.map(([, y]) => y)).filter((y) => y > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const x = (size: number) => left + ((Math.log10(size) - 4) / 2) * (W - left - right);
  const y = (ms: number) => top + (1 - (Math.log10(Math.max(ms, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - top - bottom);
  const parts: string[] = [];
  for (let e = Math.log10(yMin); e <= Math.log10(yMax); e++) {
    const v = 10 ** e;
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`, `<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`);
  }
  for (const size of [10_000, 100_000, 1_000_000]) parts.push(`<text x="${x(size)}" y="${H - bottom + 20}" text-anchor="middle">${size.toLocaleString('en')}</text>`);
  parts.push(`<text x="${(left + W - right) / 2}" y="${H - 10}" text-anchor="middle">データ量（件）</text>`);
  series(g).forEach((s, i) => {
    const d = s.points.map(([size, ms], j) => `${j ? 'L' : 'M'}${x(size).toFixed(1)},${y(ms).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const [size, ms] of s.points) parts.push(`<circle cx="${x(size)}" cy="${y(ms)}" r="3" fill="${s.color}"/>`);
    const ly = top + 10 + i * 22;
    parts.push(`<line x1="${W - right + 15}" x2="${W - right + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`, `<text x="${W - right + 46}" y="${ly + 4}">${s.label}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="データ量と処理時間">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join('\n')}\n</svg>\n`;
}

const num = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('en'));

export function resultsMarkdown(run: Run): string {
  const m = run.machine;
  const t = (name: string) => run.targets.find((c) => c.name === name);
  const row = (what: string, value: string, reference: string, target: string, name: string) => `| ${what} | ${value} | ${reference} | ${target} | ${t(name)?.met ? 'met' : '**missed**'} |`;
  const g = run.growth;
  return `# Benchmark results

Written by \`npm run bench -- --results\` from the full run of ${run.startedAt.slice(0, 10)} (${run.mode}). Every figure was
measured beside its reference in the same run on this machine; see each benchmark's file for what exactly it does.

## Machine

| | |
|---|---|
| CPU | ${m.cpu} × ${m.cores} |
| Memory | ${m.memoryGiB} GiB |
| OS | ${m.os} |
| Disk (work folder) | ${m.disk} |
| Node | ${m.node} |
| SQLite | ${m.sqlite} |
| Meilisearch | ${m.meilisearch} |

## Figures (100,000 opinions; 1,000,000 progress reports)

| Measure | Service | Reference | Target | |
|---|---|---|---|---|
${row('Import of 100,000 opinions with responses (CSV), rows/s', num(run.import.rowsPerSec), `${num(run.import.rawRowsPerSec)} (raw prepared INSERTs)`, `ratio ≥ 0.5: **${run.import.ratio}**`, 'import.ratio')}
${row('GET /api/opinions?limit=50, 50 connections, req/s', num(run.api.reqPerSec), `${num(run.api.bareReqPerSec)} (bare Hono route, same bytes)`, `ratio ≥ 0.5: **${run.api.ratio}**`, 'api.ratio')}
${row('… its p99 latency, ms', num(run.api.p99Ms), `${num(run.api.bareP99Ms)}`, '≤ 25', 'api.p99Ms')}
${row('Search, Japanese query + facet filter, p95 ms', num(run.search.p95Ms), `${num(run.search.directP95Ms)} (Meilisearch directly)`, `≤ 50, ≤ 1.5× direct: **${run.search.ratio}×**`, 'search.p95Ms')}
${row('Status summary of a plan over 1,000,000 reports, ms (median)', num(run.summary.ms), '—', '≤ 200', 'summary.ms')}
${row('New opinion → searchable, p95 ms', num(run.sync.p95Ms), `median ${num(run.sync.p50Ms)}; the engine has it: p95 ${num(run.sync.indexP95Ms)}, median ${num(run.sync.indexP50Ms)}`, '≤ 1,000', 'sync.p95Ms')}
${row('JavaScript the home page loads, gzip bytes', num(run.web.jsGzipBytes), `${num(run.web.jsBytes)} bytes before gzip, ${run.web.scripts} files`, '≤ 122,880', 'web.jsGzipBytes')}

What the references are:
- **Import**: the same opinions, their measure links, responses and each response's version 1 inserted with raw better-sqlite3 prepared statements in one transaction (values computed before the clock starts). The importer also decodes and parses the CSV, matches measures and departments, and writes the response's import step, the meetings, one audit entry for the document and the search queue, all in one atomic batch.
- **API**: a bare Hono route on @hono/node-server answering the same bytes from memory, in a process started the same way. The service answers the public's repeated read from its read cache (api/lib/public-read-cache.ts), which any write invalidates.
- **Search**: the same request (built by \`meiliRequest\`) sent with the same client straight to the same Meilisearch.
- **Summary**: computed (the read cache off), as the secretariat and as the public; the slower median is reported.
- **Sync**: until \`GET /api/search\` finds the new opinion; until the engine confirms it the search answers for it from the database (search/run-search.ts), so the time until the engine has it is shown beside it.

## How time grows with data

${g ? `![Time against data size](growth.svg)

| Size | Import (ms) | Raw import (ms) | API p99 (ms) | API req/s | Search p95 (ms) | Direct p95 (ms) | Indexing (s) | Summary (ms) |
|---|---|---|---|---|---|---|---|---|
${[0, 1, 2].map((i) => `| ${num(g.import[i]?.size)} | ${num(g.import[i]?.ms)} | ${num(g.import[i]?.rawMs)} | ${num(g.api[i]?.p99Ms)} | ${num(g.api[i]?.reqPerSec)} | ${num(g.search[i]?.p95Ms)} | ${num(g.search[i]?.directP95Ms)} | ${num(g.search[i]?.indexSeconds)} | ${num(g.summary[i]?.ms)} |`).join('\n')}

Sizes are opinions, except for the summary: progress reports (over 100,000 opinions).

Reading it:
- Import grows linearly with the rows; its ratio to the raw inserts is ${g.import.map((r) => `${(Number(r.rawMs) / Number(r.ms)).toFixed(2)} at ${num(r.size)}`).join(', ')}. At a million rows (a 180 MB table) it falls; that size was not profiled (the parsed document then holds gigabytes of the heap). A year's table is far smaller.
- The list API's answer comes from the read cache at every size: its throughput stays near the bare route's, and its p99 (10 s per size here, 30 s in the figures above) varies by a few milliseconds from run to run${g.api.some((r) => Number(r.p99Ms) > 25) ? `; in this series it was above 25 ms at ${g.api.filter((r) => Number(r.p99Ms) > 25).map((r) => num(r.size)).join(' and ')}` : ''}.
- Search stays within a few milliseconds of Meilisearch itself; building the index from scratch grows with the documents (about ${num(g.search.at(-1)?.indexSeconds)} s for a million).
- The summary's time has a floor set by the plan's opinions (100,000 here: which node each counts under), and grows with the reports of the period it reads.` : 'This run did not measure the growth series (run `npm run bench` without `--quick`).'}
`;
}

export function writeResults(run: Run): void {
  fs.writeFileSync(path.join(here, 'RESULTS.md'), resultsMarkdown(run));
  if (run.growth) fs.writeFileSync(path.join(here, 'growth.svg'), growthSvg(run.growth));
}
