/**
 * Japanese queries over the seed documents, against a real Meilisearch:
 * kanji compounds, two-character words, full-width Latin and words found only
 * in responses all find every opinion that contains them, in the top 10. The
 * same queries on an index without the Japanese locale miss some of them —
 * which is why the locale is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../api/lib/text.js';
import { applyIndexSettings } from '../../search/index-settings.js';
import { startMeilisearch, type MeiliProcess } from '../../search/meili-process.js';
import { opinionDocuments, type OpinionDocument } from '../../search/opinion-documents.js';
import { indicatorDocuments, nodeDocuments, type IndicatorDocument, type NodeDocument } from '../../search/plan-documents.js';
import { createTestContext, tempDir, type TestContext } from '../helpers/test-app.js';

const SEEDS = path.join(process.cwd(), '..', 'shared', 'seeds');
const dir = tempDir('meili-jp-');
let t: TestContext;
let engine: MeiliProcess;
let client: Meilisearch;
let docs: OpinionDocument[];
let planDocs: (NodeDocument | IndicatorDocument)[];

beforeAll(async () => {
  t = await createTestContext();
  for (const file of ['000_f455e2d430f9a307.txt', '001_4cf7fbf0a1127527.txt']) {
    const res = await t.api('POST', '/api/imports', fs.readFileSync(path.join(SEEDS, file), 'utf8'), { 'content-type': 'text/plain' });
    expect(res.status).toBe(200);
  }
  const ids = (await t.store.db.selectFrom('opinions').select('id').execute()).map((r) => r.id);
  docs = await opinionDocuments(t.store.db, ids);
  const nodeIds = (await t.store.db.selectFrom('plan_nodes').select('id').execute()).map((r) => r.id);
  const indicatorIds = (await t.store.db.selectFrom('indicators').select('id').execute()).map((r) => r.id);
  planDocs = [...(await nodeDocuments(t.store.db, nodeIds)), ...(await indicatorDocuments(t.store.db, indicatorIds))];
  engine = await startMeilisearch({ dataDir: path.join(dir, 'search') });
  client = new Meilisearch({ host: engine.host, apiKey: engine.apiKey });
  for (const [uid, japanese] of [['japanese', true], ['default', false]] as const) {
    await applyIndexSettings(client, { uid, japanese });
    await client.index(uid).addDocuments([...docs, ...planDocs]).waitTask();
  }
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Queries, and why each is here. */
const QUERIES: [string, string][] = [
  ['競争力', 'a kanji-only compound'],
  ['外国籍', 'a kanji-only compound'],
  ['基幹産業', 'a four-kanji compound'],
  ['産業', 'a two-character word inside compounds'],
  ['子育て', 'kanji with kana'],
  ['ＫＰＩ', 'full-width Latin (the text says KPI)'],
  ['検証', 'a word found only in the city’s responses'],
  ['庁内', 'a two-character word found only in responses'],
];

/** The opinions whose text or response contains `query` (NFKC), by plain substring: the oracle. */
function expectedFor(query: string): number[] {
  const q = normalizeText(query);
  return docs.filter((d) => d.text.includes(q) || (d.responseText ?? '').includes(q)).map((d) => d.entityId);
}

async function top10(uid: string, query: string, japanese: boolean, type = 'opinion'): Promise<number[]> {
  const res = await client.index(uid).search(normalizeText(query), { limit: 10, filter: `type = ${type}`, ...(japanese && { locales: ['jpn'] }) });
  return res.hits.map((h) => (h as unknown as OpinionDocument).entityId);
}

describe('Japanese queries on the seed documents', () => {
  it('has something to find for every query (the oracle is not empty)', () => {
    expect(docs).toHaveLength(10);
    for (const [query] of QUERIES) expect(expectedFor(query).length, query).toBeGreaterThan(0);
    // The response-only words really are only in responses.
    for (const query of ['検証', '庁内']) expect(docs.some((d) => d.text.includes(query))).toBe(false);
  });

  it.each(QUERIES)('%s (%s): every opinion containing it is in the top 10', async (query) => {
    const hits = await top10('japanese', query, true);
    expect(hits).toEqual(expect.arrayContaining(expectedFor(query)));
  });

  it('finds plan nodes and indicators by the words of their titles, and a strategy holds its measures', async () => {
    const node = planDocs.find((d) => d.type === 'node' && d.title.includes('子育てにゆとりが持てる'))!;
    expect(await top10('japanese', 'ゆとり', true, 'node')).toContain(node.entityId);
    const waiting = planDocs.find((d) => d.type === 'indicator' && d.title.includes('待機児童数'))!;
    expect(await top10('japanese', '待機児童', true, 'indicator')).toContain(waiting.entityId);
    // A KPI of a measure is found under its strategy too.
    const kpi = planDocs.find((d) => d.type === 'indicator' && d.nodeIds.length > 1)!;
    const strategy = kpi.nodeIds.find((id) => planDocs.some((d) => d.type === 'node' && d.entityId === id && (d as NodeDocument).level === '重点戦略'))!;
    expect(strategy).toBeDefined();
    const res = await client.index('japanese').search(kpi.title, { filter: `type = indicator AND nodeIds = ${strategy}`, locales: ['jpn'] });
    expect(res.hits.map((h) => (h as unknown as IndicatorDocument).entityId)).toContain(kpi.entityId);
  });

  it('without the Japanese locale, some of the same queries miss opinions', async () => {
    const missed: string[] = [];
    for (const [query] of QUERIES) {
      const hits = await top10('default', query, false);
      if (!expectedFor(query).every((id) => hits.includes(id))) missed.push(query);
    }
    console.log(`without the Japanese locale these queries miss opinions: ${missed.join(', ')}`);
    expect(missed).toEqual(expect.arrayContaining(['競争力', '外国籍']));
  });
});
