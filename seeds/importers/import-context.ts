/**
 * What every importer's writer shares: the write plan the whole document goes
 * into (one atomic batch), what it has created so far, its warnings, and
 * lookups that also see what this same import is about to create — so a
 * department named twice in one document is created once.
 */
import { departmentKey, planDepartmentInsert } from '../../db/departments.js';
import { matchKey } from '../../api/lib/text.js';
import type { WritePlan } from '../../db/write-plan.js';
import type { ImportWarning } from './types.js';

export interface CreatedCounts {
  meetings: number;
  opinions: number;
  responses: number;
  plans: number;
  nodes: number;
  indicators: number;
  progress: number;
  evaluations: number;
}

export interface CreatedIds {
  meetingIds: number[];
  planIds: number[];
  nodeIds: number[];
}

export function emptyCounts(): CreatedCounts {
  return { meetings: 0, opinions: 0, responses: 0, plans: 0, nodes: 0, indicators: 0, progress: 0, evaluations: 0 };
}

export class ImportContext {
  readonly created = emptyCounts();
  readonly ids: CreatedIds = { meetingIds: [], planIds: [], nodeIds: [] };
  readonly warnings: ImportWarning[] = [];
  private readonly departments = new Map<string, number>();

  /**
   * @param importId the id reserved for this import's `import_sources` row,
   *   which the opinions it creates refer to.
   */
  constructor(
    readonly w: WritePlan,
    readonly importId: number,
  ) {}

  get db() {
    return this.w.db;
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** Records an id under `ids` once, whether it was created or found. */
  touch(kind: keyof CreatedIds, id: number): void {
    if (!this.ids[kind].includes(id)) this.ids[kind].push(id);
  }

  /**
   * The department named "企画部 経営企画課" (or just "経営企画課"): found by its
   * NFKC key, else created. Null for an empty name.
   */
  async department(written: string | null | undefined): Promise<number | null> {
    const text = written?.trim();
    if (!text) return null;
    const parts = text.split(/[\s\u3000]+/).filter(Boolean);
    const name = parts.pop()!;
    const bureau = parts.length ? parts.join(' ') : null;
    const key = departmentKey(name, bureau);
    const known = this.departments.get(key);
    if (known !== undefined) return known;
    let row = await this.db.selectFrom('departments').select('id').where('name_key', '=', key).executeTakeFirst();
    // "経営企画課" alone matches a department registered with its bureau, when only one has that name.
    if (!row && bureau === null) {
      const same = await this.db.selectFrom('departments').select(['id', 'name']).execute();
      const matches = same.filter((d) => matchKey(d.name) === matchKey(name));
      if (matches.length === 1) row = matches[0];
    }
    const id = row?.id ?? (await planDepartmentInsert(this.w, { name, bureau })).id;
    this.departments.set(key, id);
    return id;
  }
}
