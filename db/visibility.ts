/**
 * What a reader may see of the response workflow. The secretariat and the
 * departments see everything; committee members see responses once approved;
 * the public sees only what was published, and an opinion only once its
 * answer is published (a public comment and the city's view of it go out
 * together). Every read of opinions and responses takes one of these.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Commitment, Database, ResponseState } from './schema.js';

export type Visibility = 'all' | 'approved' | 'published';

/** SQL condition on opinion alias `o`: the reader may see the opinion at all. */
export function opinionVisibleSql(visibility: Visibility): RawBuilder<boolean> {
  if (visibility !== 'published') return sql<boolean>`1`;
  // A duplicate is answered by the response of the opinion it duplicates.
  return sql<boolean>`EXISTS (SELECT 1 FROM responses vis_r
    WHERE vis_r.opinion_id = coalesce(o.duplicate_of, o.id) AND vis_r.published_version IS NOT NULL)`;
}

/** True when the reader may see opinion `id` (false also when it does not exist). */
export async function canSeeOpinion(db: Kysely<Database>, visibility: Visibility, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('opinions as o')
    .select('o.id')
    .where('o.id', '=', id)
    .where(opinionVisibleSql(visibility))
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the current version of a response in `state` is visible as it stands. */
export function currentVersionVisible(visibility: Visibility, state: ResponseState): boolean {
  if (visibility === 'all') return true;
  if (visibility === 'approved') return state === 'approved' || state === 'published';
  return state === 'published';
}

/** Whether a response version that went through `events` may be shown (in the history). */
export function versionVisible(visibility: Visibility, reachedStates: readonly ResponseState[]): boolean {
  if (visibility === 'all') return true;
  return reachedStates.some((s) => currentVersionVisible(visibility, s));
}

/**
 * The response columns as the reader may see them: the current version when
 * its state is visible to them, else the published version, else none. Expects
 * the response as `r` and its published version as `pv` (left-joined).
 */
export function visibleResponseSql(visibility: Visibility) {
  const current =
    visibility === 'all'
      ? sql`1`
      : visibility === 'approved'
        ? sql`r.state IN ('approved', 'published')`
        : sql`r.state = 'published'`;
  return {
    text: sql<string | null>`CASE WHEN ${current} THEN r.text ELSE pv.text END`,
    key: sql<string>`coalesce(CASE WHEN ${current} THEN r.text_key ELSE lower(pv.text) END, '')`,
    state: sql<ResponseState | null>`CASE WHEN ${current} THEN r.state WHEN pv.id IS NOT NULL THEN 'published' END`,
    commitment: sql<Commitment | null>`CASE WHEN ${current} THEN r.commitment ELSE pv.commitment END`,
  };
}
