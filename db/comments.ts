/**
 * パブリックコメント: comments sent by the public while a procedure is open.
 * Each becomes an opinion of the meeting; who sent it (name, e-mail,
 * address) goes into `commenters`, apart from the opinion, and is read only
 * by `getCommenter` for the secretariat.
 */
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../api/lib/errors.js';
import { formatDate } from '../api/lib/japanese-date.js';
import { matchKey } from '../api/lib/text.js';
import type { Database, Meeting } from './schema.js';
import type { Store } from './store.js';
import { runWrite } from './write-plan.js';

/** 409 unless `meeting` takes comments on `today`. */
export function checkCommentPeriod(meeting: Meeting, today: string): void {
  if (meeting.kind !== 'public_comment' || !meeting.comment_opens_on || !meeting.comment_closes_on)
    throw new ApiError('conflict', 'この会議は意見を募集していません。');
  const period = `${formatDate(meeting.comment_opens_on)}から${formatDate(meeting.comment_closes_on)}まで`;
  if (today < meeting.comment_opens_on)
    throw new ApiError('conflict', `「${meeting.title}」の意見募集はまだ始まっていません。募集期間は${period}です。`);
  if (today > meeting.comment_closes_on)
    throw new ApiError('conflict', `「${meeting.title}」の意見募集は終了しました。募集期間は${period}でした。`);
}

export interface CommentInput {
  text: string;
  name?: string | null;
  email?: string | null;
  address?: string | null;
}

/**
 * Stores a comment as the meeting's next opinion, with its sender apart, in
 * one batch. Returns the receipt number (受付番号): the meeting's id and a
 * counter of the meeting's comments, e.g. `12-0034`. The counter lives in
 * `id_sequences` and only goes up, so a number is never given twice even
 * when opinions are renumbered, moved or deleted.
 */
export async function submitComment(store: Store, meeting: Meeting, input: CommentInput): Promise<{ opinionId: number; receiptNumber: string }> {
  const opinionId = await runWrite(store, null, async (w) => {
    const id = await w.reserveId('opinions');
    w.add(
      w.db.insertInto('opinions').values({
        id,
        meeting_id: meeting.id,
        seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM opinions WHERE meeting_id = ${meeting.id})`,
        text: input.text,
        text_key: matchKey(input.text),
        department_id: null,
        due_on: null,
      }),
    );
    const counter = `receipt:${meeting.id}`;
    w.add(
      w.db
        .insertInto('id_sequences')
        .values({ name: counter, next_id: 2 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ next_id: sql`next_id + 1` })),
    );
    w.add(
      w.db.insertInto('commenters').values({
        opinion_id: id,
        receipt_number: sql<string>`(SELECT printf('%d-%04d', ${meeting.id}, next_id - 1) FROM id_sequences WHERE name = ${counter})`,
        name: input.name ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
      }),
    );
    // The sender's details stay out of the audit log.
    w.audit({ entity: 'opinion', entityId: id, opinionId: id, action: 'public_comment', after: { meetingId: meeting.id, text: input.text } });
    return id;
  });
  const row = await store.db.selectFrom('commenters').select('receipt_number').where('opinion_id', '=', opinionId).executeTakeFirstOrThrow();
  return { opinionId, receiptNumber: row.receipt_number };
}

export interface CommenterView {
  opinionId: number;
  receiptNumber: string;
  name: string | null;
  email: string | null;
  address: string | null;
  submittedAt: string;
}

/** Who sent a public comment; undefined for opinions that were not sent through the form. */
export async function getCommenter(db: Kysely<Database>, opinionId: number): Promise<CommenterView | undefined> {
  const row = await db.selectFrom('commenters').selectAll().where('opinion_id', '=', opinionId).executeTakeFirst();
  return (
    row && {
      opinionId: row.opinion_id,
      receiptNumber: row.receipt_number,
      name: row.name,
      email: row.email,
      address: row.address,
      submittedAt: row.submitted_at,
    }
  );
}

export interface DuplicateGroup {
  /** exact: the same words once spaces, width and case are ignored; near: most of the wording is shared. */
  kind: 'exact' | 'near';
  /** The earliest opinion first: the one whose response the others would share. */
  opinionIds: number[];
  seqs: number[];
  /** Share of character pairs in common with the first (1 for exact). */
  similarity: number;
}

/** Character bigrams of a text, for comparing wording. */
function bigrams(key: string): Set<string> {
  const text = key.replace(/\s+/g, '');
  const set = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) set.add(text.slice(i, i + 2));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** Share of wording above which two comments are offered as near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** Near-duplicate comparison is quadratic: beyond this many opinions only exact duplicates are offered. */
const MAX_NEAR_COMPARED = 3000;

/**
 * Opinions of a meeting that say the same thing (form-letter campaigns), not
 * yet marked as duplicates: groups of exact copies, then groups of near copies.
 */
export async function duplicateCandidates(db: Kysely<Database>, meetingId: number): Promise<DuplicateGroup[]> {
  const rows = await db
    .selectFrom('opinions')
    .select(['id', 'seq', 'text_key'])
    .where('meeting_id', '=', meetingId)
    .where('duplicate_of', 'is', null)
    .orderBy('seq')
    .execute();
  const groups: DuplicateGroup[] = [];
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.text_key.replace(/\s+/g, '');
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const singles: typeof rows = [];
  for (const same of byKey.values()) {
    if (same.length > 1) groups.push({ kind: 'exact', opinionIds: same.map((r) => r.id), seqs: same.map((r) => r.seq), similarity: 1 });
    singles.push(same[0]!);
  }
  if (singles.length <= MAX_NEAR_COMPARED) {
    const grams = singles.map((r) => bigrams(r.text_key));
    const taken = new Set<number>();
    for (let i = 0; i < singles.length; i++) {
      if (taken.has(i)) continue;
      const members = [i];
      let least = 1;
      for (let j = i + 1; j < singles.length; j++) {
        if (taken.has(j)) continue;
        const score = jaccard(grams[i]!, grams[j]!);
        if (score >= NEAR_DUPLICATE_THRESHOLD) {
          members.push(j);
          least = Math.min(least, score);
        }
      }
      if (members.length > 1) {
        members.forEach((m) => taken.add(m));
        groups.push({
          kind: 'near',
          opinionIds: members.map((m) => singles[m]!.id),
          seqs: members.map((m) => singles[m]!.seq),
          similarity: Math.round(least * 100) / 100,
        });
      }
    }
  }
  return groups;
}
