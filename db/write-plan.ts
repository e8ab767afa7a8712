/**
 * How every use case writes: collect the statements, then commit them as one
 * atomic batch (see `Store.batch`).
 *
 * Rows that other rows of the same batch refer to need their ids before the
 * batch runs, so ids are reserved from `id_sequences` up front. Two writers
 * that reserve the same ids collide on the primary key; the loser's batch
 * rolls back whole and `runWrite` runs the use case again with fresh ids.
 */
import { CompiledQuery, sql, type Compilable, type InsertObject, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Role, SearchEntity, SequencedTable } from './schema.js';
import { MAX_PARAMS_PER_STATEMENT, type BatchResult, type Store } from './store.js';

/** Who makes a change: the signed-in person. Null for the public and for the command line. */
export interface Actor {
  /** The user's id, as text (the audit log also records non-user actors). */
  id: string;
  role: Role;
  name: string;
  email: string;
  /** The department a `department` user answers for. */
  departmentId: number | null;
}

export interface AuditInput {
  entity: string;
  entityId: number;
  opinionId?: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Which search documents an audited change touches (responses and progress live in their opinion's document). */
const SEARCH_ENTITY_OF: Record<string, SearchEntity | undefined> = {
  opinion: 'opinion',
  response: 'opinion',
  progress: 'opinion',
  meeting: 'meeting',
  department: 'department',
  node: 'node',
  indicator: 'indicator',
  plan: 'plan',
};

/**
 * Characters of JSON per bulk statement on D1, which takes strings up to
 * 2 MB; a smaller chunk keeps each statement's memory modest.
 */
const MAX_JSON_CHARS = 256 * 1024;

interface Guard {
  condition: RawBuilder<unknown>;
  error: () => Error;
}

/** The statements of one use case, built before anything is written. */
export class WritePlan {
  readonly queries: CompiledQuery[] = [];
  readonly guards: Guard[] = [];

  constructor(
    readonly store: Store,
    readonly actor: Actor | null,
  ) {}

  get db(): Kysely<Database> {
    return this.store.db;
  }

  /** Adds a Kysely query (or an already compiled one). */
  add(query: Compilable | CompiledQuery): this {
    this.queries.push('compile' in query ? query.compile() : query);
    return this;
  }

  /** Inserts many rows, split so that no statement binds more than 100 parameters. */
  insertRows<T extends keyof Database & string>(table: T, rows: InsertObject<Database, T>[]): this {
    const first = rows[0];
    if (!first) return this;
    const columns = Object.keys(first).length || 1;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns));
    for (let i = 0; i < rows.length; i += perStatement) {
      // Kysely's generic insert typing cannot follow a table name chosen at run time.
      this.add(this.db.insertInto(table).values(rows.slice(i, i + perStatement) as never));
    }
    return this;
  }

  /**
   * Inserts a row of plain values (text, numbers, null) for each of `items`,
   * for imports of thousands of rows: `toRow(item)[c]` is the value of
   * `columns[c]`; columns not named take their defaults. (Rows are made one
   * at a time as they are bound, so that a large import does not hold every
   * row twice.) Built as SQL text directly, without a query
   * builder per row, in the form each engine runs fastest:
   * - SQLite: multi-row VALUES lists of at most 100 bound values, whose few
   *   distinct texts stay prepared — as fast as raw prepared statements;
   * - D1: ONE bound parameter per statement, the rows as a JSON array read
   *   back by json_each, so that a large import is a few hundred statements
   *   in its batch rather than tens of thousands.
   */
  insertBulk<T extends keyof Database & string, I>(
    table: T,
    columns: ReadonlyArray<keyof InsertObject<Database, T> & string>,
    items: readonly I[],
    toRow: (item: I) => ReadonlyArray<string | number | null>,
  ): this {
    if (items.length === 0) return this;
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
    if (this.store.engine === 'd1') {
      const statement = (json: string) => CompiledQuery.raw(`${head} SELECT ${columns.map((_, i) => `value->>${i}`).join(', ')} FROM json_each(?)`, [json]);
      let chunk: string[] = [];
      let size = 0;
      for (const item of items) {
        const json = JSON.stringify(toRow(item));
        if (chunk.length && size + json.length > MAX_JSON_CHARS) {
          this.queries.push(statement(`[${chunk.join(',')}]`));
          chunk = [];
          size = 0;
        }
        chunk.push(json);
        size += json.length + 1;
      }
      if (chunk.length) this.queries.push(statement(`[${chunk.join(',')}]`));
      return this;
    }
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sqlFor = (count: number) => `${head} VALUES ${Array.from({ length: count }, () => tuple).join(', ')}`;
    const full = sqlFor(perStatement);
    for (let i = 0; i < items.length; i += perStatement) {
      const end = Math.min(items.length, i + perStatement);
      const parameters: Array<string | number | null> = [];
      for (let r = i; r < end; r++) for (const value of toRow(items[r]!)) parameters.push(value);
      this.queries.push(CompiledQuery.raw(end - i === perStatement ? full : sqlFor(end - i), parameters));
    }
    return this;
  }

  /**
   * Aborts the whole batch unless `condition` holds when this statement runs
   * (for example: the response is still at the version the client saw).
   */
  guard(condition: RawBuilder<unknown>, error: () => Error): this {
    this.guards.push({ condition, error });
    // coalesce: a condition on a row that has vanished is NULL, and must fail too.
    this.add(sql`INSERT INTO batch_guard (ok) SELECT 0 WHERE NOT coalesce((${condition}), 0)`.compile(this.db));
    return this;
  }

  /** Aborts the batch with `error` unless the row `id` of `table` still exists (it may be deleted meanwhile). */
  guardExists(table: SequencedTable, id: number, error: () => Error): this {
    return this.guard(sql`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE id = ${id})`, error);
  }

  /** Entities already queued for search by this plan. */
  private readonly searchQueued = new Set<string>();

  /**
   * Queues `entity` for the search index, in the same batch as the change
   * (the search outbox). Once per entity per plan.
   */
  searchChanged(entity: SearchEntity, id: number): this {
    const key = `${entity}:${id}`;
    if (this.searchQueued.has(key)) return this;
    this.searchQueued.add(key);
    return this.add(this.db.insertInto('search_outbox').values({ entity, entity_id: id }));
  }

  /**
   * Records the change in the audit log, in the same batch as the change, and
   * queues what it touched for search: every change is audited, so none is missed.
   */
  audit(entry: AuditInput): this {
    const searched = SEARCH_ENTITY_OF[entry.entity];
    if (searched === 'opinion') {
      const opinionId = entry.entity === 'opinion' ? entry.entityId : entry.opinionId;
      if (opinionId !== null && opinionId !== undefined) this.searchChanged('opinion', opinionId);
    } else if (searched) this.searchChanged(searched, entry.entityId);
    return this.add(
      this.db.insertInto('audit_log').values({
        actor_id: this.actor?.id ?? null,
        actor_role: this.actor?.role ?? null,
        entity: entry.entity,
        entity_id: entry.entityId,
        opinion_id: entry.opinionId ?? null,
        action: entry.action,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      }),
    );
  }

  /** Next free id per table within this plan, once read from the database. */
  private readonly nextIds = new Map<SequencedTable, number>();

  /** Reserves `count` new ids for `table`; the claim is written with the batch (see `claims`). */
  async reserveIds(table: SequencedTable, count = 1): Promise<number[]> {
    if (count <= 0) return [];
    let next = this.nextIds.get(table);
    if (next === undefined) {
      const row = await sql<{ next: number }>`
        SELECT max(
          coalesce((SELECT next_id FROM id_sequences WHERE name = ${table}), 1),
          coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1
        ) AS next`.execute(this.db);
      next = Number(row.rows[0]?.next ?? 1);
    }
    this.nextIds.set(table, next + count);
    const first = next;
    return Array.from({ length: count }, (_, i) => first + i);
  }

  /** One statement per table that records how far its ids are now taken. */
  claims(): CompiledQuery[] {
    return [...this.nextIds].map(([table, next]) =>
      this.db
        .insertInto('id_sequences')
        .values({ name: table, next_id: next })
        .onConflict((oc) => oc.column('name').doUpdateSet({ next_id: sql`max(next_id, excluded.next_id)` }))
        .compile(),
    );
  }

  /** The whole batch: the id claims, then the use case's statements. */
  statements(): CompiledQuery[] {
    return [...this.claims(), ...this.queries];
  }

  /** Reserves one id. */
  async reserveId(table: SequencedTable): Promise<number> {
    const [id] = await this.reserveIds(table, 1);
    return id as number;
  }
}

/** Thrown when a batch guard fails and no guard can be named (it changed back in between). */
class GuardRace extends Error {}

/** Other writers kept changing what this use case depends on; the caller may try again. */
export class WriteConflict extends Error {
  constructor() {
    super('write conflict: the data changed repeatedly while saving');
  }
}

const ID_COLLISION = /UNIQUE constraint failed: [a-z_]+\.id\b/;

/**
 * Tries before giving up. Each round of colliding writers lets at least one
 * through; on D1, where every read is a round trip, twenty people saving at
 * the same moment can all reserve the same ids, so the rounds must outnumber them.
 */
const MAX_ATTEMPTS = 30;

/** A random pause that grows with each try, so that colliding writers spread out instead of colliding again. */
function backOff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
}
const GUARD_FAILED = /batch_guard_failed/;

/**
 * Runs one use case atomically: `build` reads what it needs and adds its
 * statements to the plan; then the plan is committed as one batch. Returns
 * what `build` returned. Retries on id collisions with a concurrent writer.
 */
export async function runWrite<T>(
  store: Store,
  actor: Actor | null,
  build: (plan: WritePlan) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const plan = new WritePlan(store, actor);
    const result = await build(plan);
    try {
      await commit(plan);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryable = ID_COLLISION.test(message) || error instanceof GuardRace;
      if (retryable && attempt < MAX_ATTEMPTS) {
        await backOff(attempt);
        continue;
      }
      // Still colliding after every try: the caller is told to try again (409), not that the data is a duplicate.
      if (retryable) throw new WriteConflict();
      throw error;
    }
  }
}

async function commit(plan: WritePlan): Promise<BatchResult[]> {
  try {
    return await plan.store.batch(plan.statements());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!GUARD_FAILED.test(message)) throw error;
    // Find out which guard failed, to answer with its own error.
    for (const guard of plan.guards) {
      const { rows } = await sql<{ ok: number }>`SELECT coalesce((${guard.condition}), 0) AS ok`.execute(plan.db);
      if (!rows[0]?.ok) throw guard.error();
    }
    throw new GuardRace(message);
  }
}
