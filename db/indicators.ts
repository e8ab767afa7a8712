/** 指標 / 数値目標 / KPI and their yearly values. */
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
  /** Share of the target reached (1 = 100%), or null when either figure is missing. */
  achievement: number | null;
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
 * Achievement of a target.
 * - `increase` (more is better): actual ÷ target.
 * - `decrease` (fewer is better, e.g. 待機児童数): target ÷ actual, so that
 *   reaching or beating the target gives 1 or more; an actual of 0 meets any
 *   target of 0 or more fully (1).
 * Cumulative (【累計】) indicators store running totals as the plan writes
 * them, so the same formulas apply to the totals. Rounded to 4 decimals.
 */
export function achievementOf(direction: IndicatorDirection, target: number | null, actual: number | null): number | null {
  if (target === null || actual === null) return null;
  let ratio: number | null;
  if (direction === 'increase') ratio = target === 0 ? null : actual / target;
  else ratio = actual === 0 ? (target >= 0 ? 1 : null) : target / actual;
  return ratio === null || !Number.isFinite(ratio) ? null : Math.round(ratio * 10000) / 10000;
}

function yearsOf(direction: IndicatorDirection, values: IndicatorValueView[]): IndicatorYearView[] {
  const byYear = new Map<number, IndicatorYearView>();
  for (const v of values) {
    let year = byYear.get(v.fiscalYear);
    if (!year) {
      year = { fiscalYear: v.fiscalYear, baseline: null, target: null, actual: null, targetDisplay: null, actualDisplay: null, achievement: null };
      byYear.set(v.fiscalYear, year);
    }
    if (v.kind === 'baseline') year.baseline = v.value;
    if (v.kind === 'target') [year.target, year.targetDisplay] = [v.value, v.display];
    if (v.kind === 'actual') [year.actual, year.actualDisplay] = [v.value, v.display];
  }
  const years = [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  for (const y of years) y.achievement = achievementOf(direction, y.target, y.actual);
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
    years: yearsOf(row.direction, valueViews),
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
