/**
 * Seed 003 (平塚市行財政改革計画 令和3年度上半期 取組状況: 6 取組の視点, 55 取組)
 * as the tests use it: the document, its parse by the project's own parser,
 * its printed table, and its plan built through the API with one report per
 * 取組, so the summary can be checked against what the city printed.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { PROGRESS_STATUSES } from '../../api/lib/labels.js';
import { normalizeText } from '../../api/lib/text.js';
import type { ProgressStatus } from '../../db/schema.js';
import { parseProgressReport } from '../../seeds/importers/progress-report-parser.js';

export const SEED_003 = fs.readFileSync(new URL('../../../shared/seeds/003_40086a4d60b213e0.txt', import.meta.url), 'utf8');
export const SEED_003_PERIOD = '2021H1';
/** The parse with its warnings; `seed003` is its value. */
export const seed003Parse = parseProgressReport(SEED_003);
export const seed003 = seed003Parse.value!;

/**
 * The table as printed, from its header 「取組の視点 済 …」 to the 合計 row, one
 * array of cells per line (NFKC): the label, then the six figures.
 */
export function printedTable(): string[][] {
  const lines = SEED_003.split(/\r?\n/).map((l) => normalizeText(l).trim());
  const start = lines.findIndex((l) => /^取組の視点\s+済\s+概ね順調\s+遅れ\s+未着手\s+休止\s+合計$/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^合計(\s+\d+){6}$/.test(l));
  return lines
    .slice(start, end + 1)
    .filter((l) => l !== '')
    .map((l) => {
      const cells = l.split(/\s+/);
      return [cells.slice(0, -6).join(' '), ...cells.slice(-6)];
    });
}

/** One 取組 of a 取組の視点 with the status it reports. */
export interface ItemPlan {
  title: string;
  status: ProgressStatus;
  note: string | null;
}

/**
 * One item per counted 取組. Items the document names with their status
 * (遅れ, 未着手, 休止) take those names and notes, in the row that counts that
 * status; the others are numbered.
 */
export function itemsPerPerspective(): Map<string, ItemPlan[]> {
  const named = [...seed003.items];
  const result = new Map<string, ItemPlan[]>();
  for (const row of seed003.reportedRows) {
    const perspective = seed003.perspectives.find((p) => p.code === row.perspectiveCode)!;
    const items: ItemPlan[] = [];
    for (const status of PROGRESS_STATUSES) {
      for (let i = 0; i < row.counts[status]; i++) {
        const at = named.findIndex((n) => n.status === status);
        if (at >= 0) {
          const [item] = named.splice(at, 1);
          items.push({ title: item!.name, status, note: item!.note });
        } else {
          items.push({ title: `${perspective.title}の取組${items.length + 1}`, status, note: null });
        }
      }
    }
    result.set(row.perspectiveCode, items);
  }
  expect(named, 'every item the document names finds its place in the table').toEqual([]);
  return result;
}

/** A POST that answers the created body (and fails the test otherwise). */
export type Post = (path: string, body: unknown) => Promise<any>;

/**
 * Builds seed 003's plan through the API (POST /api/plans, then one
 * POST /api/nodes/{id}/progress per 取組 for 2021H1) under `title`, kept apart
 * from the plan an import of the seed itself would make. Answers the plan and
 * each item's node id with what it reported, by 取組の視点 code.
 */
export async function buildSeed003Plan(post: Post, title: string): Promise<{ plan: any; items: Map<string, Array<ItemPlan & { id: number }>> }> {
  const plan = itemsPerPerspective();
  const created = await post('/api/plans', {
    title,
    municipality: seed003.municipality,
    kind: 'reform',
    startYear: seed003.startYear,
    endYear: seed003.endYear,
    nodes: seed003.perspectives.map((p) => ({
      level: '取組の視点',
      code: p.code,
      title: p.title,
      children: plan.get(p.code)!.map((item) => ({ level: '取組', title: item.title })),
    })),
  });
  const items = new Map<string, Array<ItemPlan & { id: number }>>();
  for (const [i, perspective] of seed003.perspectives.entries()) {
    const node = created.nodes[i];
    expect(node.title).toBe(perspective.title);
    items.set(
      perspective.code,
      plan.get(perspective.code)!.map((item, k) => ({ ...item, id: node.children[k].id })),
    );
  }
  for (const list of items.values())
    for (const item of list) await post(`/api/nodes/${item.id}/progress`, { period: SEED_003_PERIOD, status: item.status, note: item.note });
  return { plan: created, items };
}
