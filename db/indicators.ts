/**
 * 指標 / 数値目標 / KPI and their yearly values.
 *
 * How a year reads (see {@link achievementOf} and `yearsOf`):
 * - Plans set targets for a few years only (seed 001: 2027 and 2031) while
 *   actuals come every year. A year's actual is measured against the target
 *   of that year, or, when the year has none (or only 検討中), against the
 *   nearest later year that has a numeric target — how far along the way to
 *   that target the indicator is. `targetYear` says which year that was.
 *   Actuals after the last target year have nothing to be measured against.
 * - 【累計】 (cumulative) indicators are recorded as running totals, the way the
 *   documents print them (seed 001's 創業者数【累計】 259人, seed 004's
 *   協定団体数(累計) 2 → 3 → 4): baseline, targets and actuals alike are totals
 *   to date, never a year's increment. Achievement compares totals with
 *   totals; `increment` gives what a year added to the previous year's total.
 */
import { sql, type Kysely } from 'kysely';
import { parseDisplayNumber } from '../api/lib/numeric-display.js';
import { matchKey } from '../api/lib/text.js';
import type { Database, Indicator, IndicatorDirection, IndicatorValue, IndicatorValueKind } from './schema.js';
import type { Store } from './store.js';
import { inChunks } from './chunks.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';

export interface IndicatorValueView {
  fiscalYear: number;
  kind: IndicatorValueKind;
  value: number | null;
  display: string;
}

/** One fiscal year of an indicator: what was aimed at, what was reached. */
export interface IndicatorYearView {
  fiscalYear: number;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  targetDisplay: string | null;
  actualDisplay: string | null;
  /**
   * The year whose target `achievement` measures this year's actual against:
   * this year when it has a numeric target, else the nearest later year that
   * has one; null without an actual or without such a target.
   */
  targetYear: number | null;
  /** Share of the target of `targetYear` reached (1 = 100%), or null when there is nothing to compare. */
  achievement: number | null;
  /**
   * Cumulative indicators only: this year's running total minus the previous
   * fiscal year's (its actual, else its baseline) — what the year added; null
   * otherwise or when either total is missing.
   */
  increment: number | null;
}

export interface IndicatorView {
  id: number;
  nodeId: number;
  name: string;
  unit: string | null;
  cumulative: boolean;
  direction: IndicatorDirection;
  notes: string | null;
  values: IndicatorValueView[];
  years: IndicatorYearView[];
}

/**
 * Achievement of a target (1 = 100%; above 1 = beaten), rounded to 4 decimals.
 * - `increase` (more is better): actual ÷ target. A target of 0 or below
 *   gives null: no share of it can be reached.
 * - `decrease` (fewer is better, e.g. 待機児童数): target ÷ actual, the mirror
 *   of the above, so that reaching or beating the target gives 1 or more and
 *   twice the target gives 0.5. An actual of 0 meets any target of 0 or more
 *   (1); a target of 0 with an actual above it gives 0 (not reached — a ratio
 *   cannot say how far). Negative figures give null.
 * - Cumulative (【累計】) indicators: the same formulas, on running totals.
 * Null when either figure is missing.
 */
export function achievementOf(direction: IndicatorDirection, target: number | null, actual: number | null): number | null {
  if (target === null || actual === null) return null;
  let ratio: number | null;
  if (direction === 'increase') ratio = target <= 0 ? null : actual / target;
  else if (target < 0 || actual < 0) ratio = null;
  else ratio = actual === 0 ? 1 : target / actual;
  return ratio === null || !Number.isFinite(ratio) ? null : Math.round(ratio * 10000) / 10000;
}

/** Each year with a value: its figures, the target its actual is measured against, and the achievement. */
function yearsOf(direction: IndicatorDirection, cumulative: boolean, values: IndicatorValueView[]): IndicatorYearView[] {
  const byYear = new Map<number, IndicatorYearView>();
  for (const v of values) {
    let year = byYear.get(v.fiscalYear);
    if (!year) {
      year = {
        fiscalYear: v.fiscalYear,
        baseline: null,
        target: null,
        actual: null,
        targetDisplay: null,
        actualDisplay: null,
        targetYear: null,
        achievement: null,
        increment: null,
      };
      byYear.set(v.fiscalYear, year);
    }
    if (v.kind === 'baseline') year.baseline = v.value;
    if (v.kind === 'target') [year.target, year.targetDisplay] = [v.value, v.display];
    if (v.kind === 'actual') [year.actual, year.actualDisplay] = [v.value, v.display];
  }
  const years = [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  for (const [i, y] of years.entries()) {
    if (y.actual === null) continue;
    const measuredAgainst = years.slice(i).find((later) => later.target !== null);
    y.targetYear = measuredAgainst?.fiscalYear ?? null;
    y.achievement = achievementOf(direction, measuredAgainst?.target ?? null, y.actual);
    if (cumulative) {
      const previous = byYear.get(y.fiscalYear - 1);
      const before = previous?.actual ?? previous?.baseline ?? null;
      // toPrecision drops the binary noise of a subtraction (0.3 − 0.1).
      y.increment = before === null ? null : Number((y.actual - before).toPrecision(12));
    }
  }
  return years;
}

export function toIndicatorView(row: Indicator, values: IndicatorValue[]): IndicatorView {
  const valueViews = values
    .map((v) => ({ fiscalYear: v.fiscal_year, kind: v.kind, value: v.value, display: v.display }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear || kindOrder(a.kind) - kindOrder(b.kind));
  return {
    id: row.id,
    nodeId: row.node_id,
    name: row.name,
    unit: row.unit,
    cumulative: row.cumulative === 1,
    direction: row.direction,
    notes: row.notes,
    values: valueViews,
    years: yearsOf(row.direction, row.cumulative === 1, valueViews),
  };
}

function kindOrder(kind: IndicatorValueKind): number {
  return kind === 'baseline' ? 0 : kind === 'target' ? 1 : 2;
}

/** Indicators of the given nodes, keyed by node id, in plan order. */
export async function indicatorsByNode(db: Kysely<Database>, nodeIds: number[]): Promise<Map<number, IndicatorView[]>> {
  const result = new Map<number, IndicatorView[]>();
  if (nodeIds.length === 0) return result;
  const indicators = await inChunks(nodeIds, (chunk) =>
    db.selectFrom('indicators').selectAll().where('node_id', 'in', chunk).orderBy('node_id').orderBy('position').orderBy('id').execute(),
  );
  const values = await inChunks(
    indicators.map((i) => i.id),
    (chunk) => db.selectFrom('indicator_values').selectAll().where('indicator_id', 'in', chunk).execute(),
  );
  const valuesByIndicator = new Map<number, IndicatorValue[]>();
  for (const v of values) {
    const list = valuesByIndicator.get(v.indicator_id) ?? [];
    list.push(v);
    valuesByIndicator.set(v.indicator_id, list);
  }
  for (const row of indicators) {
    const list = result.get(row.node_id) ?? [];
    list.push(toIndicatorView(row, valuesByIndicator.get(row.id) ?? []));
    result.set(row.node_id, list);
  }
  return result;
}

export async function getIndicator(db: Kysely<Database>, id: number): Promise<IndicatorView | undefined> {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const values = await db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', id).execute();
  return toIndicatorView(row, values);
}

export interface IndicatorValueInput {
  fiscalYear: number;
  kind: IndicatorValueKind;
  /** When omitted, read from `display` ("2,831件" → 2831). */
  value?: number | null;
  /** When omitted, written from `value`. */
  display?: string | null;
}

export interface NewIndicatorInput {
  name: string;
  unit?: string | null;
  cumulative?: boolean;
  direction?: IndicatorDirection;
  notes?: string | null;
  values?: IndicatorValueInput[];
}

/** Fills in whichever of value and display is missing. */
export function completeValue(input: IndicatorValueInput): IndicatorValueView {
  const display = input.display ?? (input.value === null || input.value === undefined ? '' : String(input.value));
  const value = input.value === undefined ? parseDisplayNumber(display) : input.value;
  return { fiscalYear: input.fiscalYear, kind: input.kind, value, display };
}

/** The same year and kind twice in one request: the last one wins, as in a spreadsheet. */
function uniqueValues(inputs: IndicatorValueInput[]): IndicatorValueView[] {
  return [...new Map(inputs.map(completeValue).map((v) => [`${v.fiscalYear}:${v.kind}`, v])).values()];
}

/** Where a new indicator goes: its node, and its place among the node's indicators (default: last). */
export interface IndicatorPlacement {
  nodeId: number;
  input: NewIndicatorInput;
  position?: number;
}

/**
 * Adds the inserts for new indicators and their values to `w` — a handful of
 * statements however many there are. Returns the new ids in order.
 */
export async function planIndicatorsInsert(w: WritePlan, items: IndicatorPlacement[]): Promise<number[]> {
  const ids = await w.reserveIds('indicators', items.length);
  w.insertRows(
    'indicators',
    items.map(({ nodeId, input, position }, i) => ({
      id: ids[i]!,
      node_id: nodeId,
      name: input.name,
      unit: input.unit ?? null,
      cumulative: input.cumulative ? 1 : 0,
      direction: input.direction ?? 'increase',
      notes: input.notes ?? null,
      search_key: matchKey([input.name, input.notes].filter(Boolean).join(' ')),
      // Computed inside the batch, so two indicators added at once do not share a place.
      position: position ?? sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM indicators WHERE node_id = ${nodeId})`,
    })),
  );
  const values = items.flatMap((item, i) => uniqueValues(item.input.values ?? []).map((v) => ({ indicatorId: ids[i]!, v })));
  const valueIds = await w.reserveIds('indicator_values', values.length);
  w.insertRows(
    'indicator_values',
    values.map(({ indicatorId, v }, i) => ({
      id: valueIds[i]!,
      indicator_id: indicatorId,
      fiscal_year: v.fiscalYear,
      kind: v.kind,
      value: v.value,
      display: v.display,
    })),
  );
  return ids;
}

/** Adds the statements that insert or replace values (one per indicator, year and kind). */
export async function planValuesUpsert(w: WritePlan, indicatorId: number, inputs: IndicatorValueInput[]): Promise<IndicatorValueView[]> {
  const views = uniqueValues(inputs);
  const ids = await w.reserveIds('indicator_values', views.length);
  views.forEach((v, i) => {
    w.add(
      w.db
        .insertInto('indicator_values')
        .values({ id: ids[i]!, indicator_id: indicatorId, fiscal_year: v.fiscalYear, kind: v.kind, value: v.value, display: v.display })
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'fiscal_year', 'kind']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            display: eb.ref('excluded.display'),
            updated_at: new Date().toISOString(),
          })),
        ),
    );
  });
  return views;
}

/** Creates an indicator on a node, after the node's other indicators. */
export async function createIndicator(store: Store, actor: Actor | null, nodeId: number, input: NewIndicatorInput): Promise<number> {
  return runWrite(store, actor, async (w) => {
    const [id] = await planIndicatorsInsert(w, [{ nodeId, input }]);
    w.audit({ entity: 'indicator', entityId: id!, action: 'create', after: { nodeId, ...input } });
    return id!;
  });
}

/** Records values of an indicator (insert or replace per year and kind). */
export async function recordIndicatorValues(
  store: Store,
  actor: Actor | null,
  indicatorId: number,
  inputs: IndicatorValueInput[],
): Promise<void> {
  await runWrite(store, actor, async (w) => {
    const written = await planValuesUpsert(w, indicatorId, inputs);
    w.audit({ entity: 'indicator', entityId: indicatorId, action: 'record_values', after: written });
  });
}
