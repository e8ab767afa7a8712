/** 会議: a committee meeting or a public comment procedure (パブリックコメント). */
import { sql, type Kysely } from 'kysely';
import { opinionVisibleSql, type Visibility } from './visibility.js';
import { notFound } from '../api/lib/errors.js';
import type { Database, Meeting, MeetingKind } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';

/** What a meeting is made of; the API adds its id and opinion count. */
export interface MeetingInput {
  title: string;
  body: string | null;
  kind: MeetingKind;
  fiscalYear: number;
  heldOn: string | null;
  theme: string | null;
  commentOpensOn: string | null;
  commentClosesOn: string | null;
}

export interface MeetingView extends MeetingInput {
  id: number;
  opinionCount: number;
}

export function toMeetingView(row: Meeting, opinionCount: number): MeetingView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    kind: row.kind,
    fiscalYear: row.fiscal_year,
    heldOn: row.held_on,
    theme: row.theme,
    commentOpensOn: row.comment_opens_on,
    commentClosesOn: row.comment_closes_on,
    opinionCount,
  };
}

/** Meetings with the number of their opinions the reader may see. */
function withCounts(db: Kysely<Database>, visibility: Visibility) {
  return db
    .selectFrom('meetings')
    .selectAll('meetings')
    .select(
      sql<number>`(SELECT count(*) FROM opinions o WHERE o.meeting_id = meetings.id AND ${opinionVisibleSql(visibility)})`.as('opinion_count'),
    );
}

export interface MeetingFilter {
  kind?: MeetingKind;
  fiscalYear?: number;
}

export async function listMeetings(db: Kysely<Database>, filter: MeetingFilter = {}, visibility: Visibility = 'all'): Promise<MeetingView[]> {
  let query = withCounts(db, visibility);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.fiscalYear) query = query.where('fiscal_year', '=', filter.fiscalYear);
  const rows = await query.orderBy('fiscal_year', 'desc').orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => toMeetingView(r, Number(r.opinion_count ?? 0)));
}

export async function getMeetingRow(db: Kysely<Database>, id: number): Promise<Meeting | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getMeeting(db: Kysely<Database>, id: number, visibility: Visibility = 'all'): Promise<MeetingView | undefined> {
  const row = await withCounts(db, visibility).where('id', '=', id).executeTakeFirst();
  return row && toMeetingView(row, Number(row.opinion_count ?? 0));
}


function toRow(input: MeetingInput) {
  return {
    title: input.title,
    body: input.body,
    kind: input.kind,
    fiscal_year: input.fiscalYear,
    held_on: input.heldOn,
    theme: input.theme,
    comment_opens_on: input.commentOpensOn,
    comment_closes_on: input.commentClosesOn,
  };
}

/** Adds the insert of a meeting (and its audit entry) to `w`; returns its id. */
export async function planMeetingInsert(w: WritePlan, input: MeetingInput): Promise<number> {
  const id = await w.reserveId('meetings');
  w.add(w.db.insertInto('meetings').values({ id, ...toRow(input) }));
  w.audit({ entity: 'meeting', entityId: id, action: 'create', after: input });
  return id;
}

export async function createMeeting(store: Store, actor: Actor | null, input: MeetingInput): Promise<number> {
  return runWrite(store, actor, (w) => planMeetingInsert(w, input));
}

/** Replaces the meeting's fields with `next` (the caller merges a PATCH onto the current values). */
export async function updateMeeting(store: Store, actor: Actor | null, before: MeetingView, next: MeetingInput): Promise<void> {
  // A request that changes nothing writes nothing (no audit entry, no new updated_at).
  if ((Object.keys(next) as (keyof MeetingInput)[]).every((key) => next[key] === before[key])) return;
  await runWrite(store, actor, async (w) => {
    w.guardExists('meetings', before.id, () => notFound('会議', before.id));
    w.add(w.db.updateTable('meetings').set({ ...toRow(next), updated_at: new Date().toISOString() }).where('id', '=', before.id));
    w.audit({ entity: 'meeting', entityId: before.id, action: 'update', before, after: next });
  });
}
