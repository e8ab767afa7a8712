/** 部・課: who answers for an opinion. */
import type { Kysely } from 'kysely';
import { matchKey } from '../api/lib/text.js';
import type { Database, Department } from './schema.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';
import type { Store } from './store.js';

export interface DepartmentView {
  id: number;
  name: string;
  bureau: string | null;
}

export function toDepartmentView(row: Pick<Department, 'id' | 'name' | 'bureau'>): DepartmentView {
  return { id: row.id, name: row.name, bureau: row.bureau };
}

/** The matching key: 企画部　経営企画課 and 企画部 経営企画課 are the same department. */
export function departmentKey(name: string, bureau: string | null | undefined): string {
  return matchKey(`${bureau ?? ''} ${name}`);
}

export async function listDepartments(db: Kysely<Database>): Promise<DepartmentView[]> {
  const rows = await db.selectFrom('departments').select(['id', 'name', 'bureau']).orderBy('bureau').orderBy('name').execute();
  return rows.map(toDepartmentView);
}

export async function getDepartment(db: Kysely<Database>, id: number): Promise<DepartmentView | undefined> {
  const row = await db.selectFrom('departments').select(['id', 'name', 'bureau']).where('id', '=', id).executeTakeFirst();
  return row && toDepartmentView(row);
}

export async function findDepartmentByKey(db: Kysely<Database>, key: string): Promise<DepartmentView | undefined> {
  const row = await db.selectFrom('departments').select(['id', 'name', 'bureau']).where('name_key', '=', key).executeTakeFirst();
  return row && toDepartmentView(row);
}

export interface NewDepartmentInput {
  name: string;
  bureau?: string | null;
}

/** Adds the insert of a department (and its audit entry) to `w`; returns its view. */
export async function planDepartmentInsert(w: WritePlan, input: NewDepartmentInput): Promise<DepartmentView> {
  const view: DepartmentView = { id: await w.reserveId('departments'), name: input.name, bureau: input.bureau ?? null };
  w.add(w.db.insertInto('departments').values({ id: view.id, name: view.name, bureau: view.bureau, name_key: departmentKey(view.name, view.bureau) }));
  w.audit({ entity: 'department', entityId: view.id, action: 'create', after: view });
  return view;
}

/** Creates a department; returns null when one with the same name already exists. */
export async function createDepartment(
  store: Store,
  actor: Actor | null,
  input: NewDepartmentInput,
): Promise<DepartmentView | null> {
  if (await findDepartmentByKey(store.db, departmentKey(input.name, input.bureau))) return null;
  return runWrite(store, actor, (w) => planDepartmentInsert(w, input));
}
