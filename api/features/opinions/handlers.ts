import type { Kysely } from 'kysely';
import { getDepartment } from '../../../db/departments.js';
import { getMeetingRow } from '../../../db/meetings.js';
import {
  createOpinion,
  decodeCursor,
  deleteOpinion,
  getOpinion,
  listOpinions,
  updateOpinion,
} from '../../../db/opinions.js';
import type { Database } from '../../../db/schema.js';
import { ApiError, danglingReference, invalidField, notFound, type ErrorDetail, found } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import {
  createOpinionRoute,
  deleteOpinionRoute,
  getOpinionRoute,
  listOpinionsRoute,
  updateOpinionRoute,
} from './routes.js';

interface References {
  meetingId?: number;
  nodeIds?: number[];
  departmentId?: number | null;
}

/** Every referenced meeting, node and department must exist; all missing ones are reported at once. */
async function checkReferences(db: Kysely<Database>, refs: References): Promise<void> {
  const details: ErrorDetail[] = [];
  if (refs.meetingId !== undefined && !(await getMeetingRow(db, refs.meetingId)))
    details.push(...danglingReference('meetingId', '会議', refs.meetingId).details);
  if (refs.departmentId !== undefined && refs.departmentId !== null && !(await getDepartment(db, refs.departmentId)))
    details.push(...danglingReference('departmentId', '担当課', refs.departmentId).details);
  if (refs.nodeIds?.length) {
    const found = new Set(
      (await db.selectFrom('plan_nodes').select('id').where('id', 'in', refs.nodeIds).execute()).map((r) => r.id),
    );
    refs.nodeIds.forEach((id, i) => {
      if (!found.has(id)) details.push(...danglingReference(`nodeIds.${i}`, 'ノード', id).details);
    });
  }
  if (details.length) throw new ApiError('validation_failed', '入力内容に誤りがあります。', details);
}

/**
 * Marking an opinion as a duplicate of another: both in the same meeting, the
 * other not itself a duplicate, and this one neither answered on its own nor
 * the first of a group already.
 */
async function checkDuplicateOf(db: Kysely<Database>, self: { id: number; meetingId: number }, duplicateOfId: number | null | undefined): Promise<void> {
  if (duplicateOfId === undefined || duplicateOfId === null) return;
  const fail = (message: string) => new ApiError('conflict', message, [{ path: 'duplicateOfId', message }]);
  if (duplicateOfId === self.id) throw invalidField('duplicateOfId', '自分自身は指定できません。');
  const target = await db.selectFrom('opinions').select(['id', 'meeting_id', 'seq', 'duplicate_of']).where('id', '=', duplicateOfId).executeTakeFirst();
  if (!target) throw danglingReference('duplicateOfId', '意見', duplicateOfId);
  if (target.meeting_id !== self.meetingId) throw fail('同趣旨として整理できるのは同じ会議の意見だけです。');
  if (target.duplicate_of !== null) throw fail(`意見${target.seq}番はそれ自体が別の意見と同趣旨として整理されています。元の意見（ID: ${target.duplicate_of}）を指定してください。`);
  if (await db.selectFrom('responses').select('id').where('opinion_id', '=', self.id).executeTakeFirst())
    throw fail('この意見には独自の対応方針があるため、同趣旨として整理できません。');
  if (await db.selectFrom('opinions').select('id').where('duplicate_of', '=', self.id).executeTakeFirst())
    throw fail('この意見を元として整理された意見があるため、別の意見の同趣旨にはできません。');
}

async function checkSeqFree(db: Kysely<Database>, meetingId: number, seq: number | undefined, selfId?: number): Promise<void> {
  if (seq === undefined) return;
  const taken = await db
    .selectFrom('opinions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (taken && taken.id !== selfId) throw new ApiError('conflict', `この会議には既に${seq}番の意見があります。`, [{ path: 'seq', message: '番号が重複しています。' }]);
}

export const opinionsApp = featureApp()
  .openapi(listOpinionsRoute, async (c) => {
    const { cursor, ...query } = c.req.valid('query');
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    if (afterId === null) throw invalidField('cursor', 'cursor が正しくありません。前のページの nextCursor をそのまま指定してください。');
    return c.json(await listOpinions(c.var.store.db, { ...query, afterId }, c.var.visibility), 200);
  })
  .openapi(createOpinionRoute, async (c) => {
    const input = c.req.valid('json');
    const db = c.var.store.db;
    await checkReferences(db, input);
    await checkSeqFree(db, input.meetingId, input.seq);
    const id = await createOpinion(c.var.store, c.var.actor, input);
    return c.json(found(await getOpinion(db, id), '意見', id), 201);
  })
  .openapi(getOpinionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const opinion = await getOpinion(c.var.store.db, id, c.var.visibility);
    if (!opinion) throw notFound('意見', id);
    return c.json(opinion, 200);
  })
  .openapi(updateOpinionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.store.db;
    const before = await getOpinion(db, id);
    if (!before) throw notFound('意見', id);
    const input = c.req.valid('json');
    await checkReferences(db, input);
    await checkSeqFree(db, input.meetingId ?? before.meetingId, input.seq ?? (input.meetingId ? before.seq : undefined), id);
    await checkDuplicateOf(db, { id, meetingId: input.meetingId ?? before.meetingId }, input.duplicateOfId);
    await updateOpinion(c.var.store, c.var.actor, before, input);
    return c.json(found(await getOpinion(db, id), '意見', id), 200);
  })
  .openapi(deleteOpinionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const before = await getOpinion(c.var.store.db, id);
    if (!before) throw notFound('意見', id);
    await deleteOpinion(c.var.store, c.var.actor, before);
    return c.body(null, 204);
  });
