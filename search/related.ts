/**
 * "More like this": earlier or later opinions on the same subject from other
 * meetings (for staff answering a new opinion, and for readers following a
 * topic across years), and the plan nodes an opinion most likely belongs to
 * (to link it quickly). Both rank by the opinion's telling words that another
 * text shares, rare words weighing more; without an engine the database
 * ranks by how many of those words each text contains.
 */
import { sql, type Kysely } from 'kysely';
import type { Locale, Meilisearch } from 'meilisearch';
import { contains } from '../db/contains.js';
import type { OpinionNodeRefView } from '../db/opinions.js';
import type { Database } from '../db/schema.js';
import { opinionVisibleSql, visibleResponseSql, type Visibility } from '../db/visibility.js';
import { INDEX_UID } from './index-settings.js';
import { keywords } from './keywords.js';
import { RESPONSE_FIELDS, visibilityFilter } from './meili-search.js';
import { visibleOpinionIds } from './run-search.js';

export interface Ranked {
  /** Opinion or node ids, best first. */
  ids: number[];
  /** Relevance from 0 to 1, by id (null from the database). */
  scores: Map<number, number | null>;
  degraded: boolean;
}

/**
 * Share of the opinion's word weight another text must hold to count as
 * related: one rare word in common is enough, a couple of everyday ones are not.
 */
const MIN_SCORE = 0.1;

/** Hits looked at per word: a word found in more texts than this weighs little anyway. */
const PER_WORD = 50;

/** `CASE WHEN column contains w THEN 1 ELSE 0 END + …`: how many of `words` a text contains. */
function wordsMatched(column: string, words: string[]) {
  return sql<number>`(${sql.join(
    words.map((w) => sql`(CASE WHEN ${contains(sql.ref(column), w)} THEN 1 ELSE 0 END)`),
    sql` + `,
  )})`;
}

/** Enough shared words to call two texts related: half of them, two at least (one when there are fewer). */
function enough(words: string[]): number {
  return Math.min(words.length, Math.max(2, Math.ceil(words.length / 2)));
}

/**
 * Ranks the documents matching `filter` by the words they share with the
 * opinion, each word weighted by how rare it is (ln(1 + N / df), as in
 * BM25): one multi-search request with a phrase query per word, plus one
 * that counts the documents (N). A long query would not do: the engine
 * requires its rarest word, and documents sharing the others would be lost.
 * `key` maps a hit to what is ranked (an indicator hit counts for its node).
 */
async function engineRank(
  client: Meilisearch,
  words: string[],
  filter: string[],
  attributes: string[],
  key: (hit: Record<string, unknown>) => number,
): Promise<Map<number, number>> {
  const common = { indexUid: INDEX_UID, filter, locales: ['jpn'] as Locale[] };
  const { results } = await client.multiSearch({
    queries: [
      { ...common, q: '', limit: 0 },
      ...words.map((w) => ({
        ...common,
        q: `"${w}"`,
        limit: PER_WORD,
        attributesToSearchOn: attributes,
        attributesToRetrieve: ['entityId', 'nodeId', 'type'],
      })),
    ],
  });
  // The opinion itself is counted in: a word no other text has weighs most, and nobody shares it.
  const total = (results[0]!.estimatedTotalHits ?? 0) + 1;
  const weights = results.slice(1).map((r) => Math.log(1 + total / ((r.estimatedTotalHits ?? r.hits.length) + 1)));
  const whole = weights.reduce((a, b) => a + b, 0);
  const scores = new Map<number, number>();
  results.slice(1).forEach((r, i) => {
    // A document counts each word once, however many of its hits carry it.
    for (const id of new Set(r.hits.map((h) => key(h)))) scores.set(id, (scores.get(id) ?? 0) + weights[i]! / whole);
  });
  return new Map([...scores].filter(([, score]) => score >= MIN_SCORE).sort((a, b) => b[1] - a[1]));
}

/** Opinions of other meetings on the subject of `opinion`, that the reader may see. */
export async function relatedOpinions(
  db: Kysely<Database>,
  client: Meilisearch | null,
  visibility: Visibility,
  opinion: { id: number; meetingId: number; text: string },
  limit: number,
): Promise<Ranked> {
  const words = keywords(opinion.text);
  if (words.length === 0) return { ids: [], scores: new Map(), degraded: client === null };
  if (client) {
    try {
      const filter = [visibilityFilter(visibility), 'type = "opinion"', `meetingId != ${opinion.meetingId}`];
      const fields = ['text', RESPONSE_FIELDS[visibility].text];
      const found = await engineRank(client, words, filter, fields, (hit) => Number(hit.entityId));
      // The database has the last word on who may read what.
      const visible = await visibleOpinionIds(db, visibility, [...found.keys()].slice(0, limit + 5));
      const ids = [...found.keys()].filter((id) => visible.has(id)).slice(0, limit);
      return { ids, scores: new Map(ids.map((id) => [id, found.get(id)!])), degraded: false };
    } catch {
      // The database answers instead.
    }
  }
  const response = visibleResponseSql(visibility);
  // Words in the response count half: the opinion says what it is about.
  const score = sql<number>`(${wordsMatched('o.text_key', words)} + (${wordsMatched('related_key', words)}) * 0.5)`;
  const rows = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('opinions as o')
        .leftJoin('responses as r', (join) => join.on(sql<boolean>`r.opinion_id = coalesce(o.duplicate_of, o.id)`))
        .leftJoin('response_versions as pv', (join) => join.onRef('pv.response_id', '=', 'r.id').onRef('pv.version', '=', 'r.published_version'))
        .select(['o.id', 'o.text_key', response.key.as('related_key')])
        .where('o.meeting_id', '!=', opinion.meetingId)
        .where(opinionVisibleSql(visibility))
        .as('o'),
    )
    .select(['o.id', score.as('score')])
    .where(score, '>=', enough(words))
    .orderBy('score', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
  return { ids: rows.map((r) => r.id), scores: new Map(rows.map((r) => [r.id, null])), degraded: true };
}

/** Plan nodes that match the opinion (and its response), best first. */
export async function suggestedNodes(
  db: Kysely<Database>,
  client: Meilisearch | null,
  text: string,
  limit: number,
): Promise<Ranked> {
  const words = keywords(text);
  if (words.length === 0) return { ids: [], scores: new Map(), degraded: client === null };
  if (client) {
    try {
      // A node matches by its own words and by its indicators' (待機児童 is in the KPI, not the measure's title).
      const filter = ['type IN ["node", "indicator"]'];
      const found = await engineRank(client, words, filter, ['title', 'text'], (hit) => Number(hit.type === 'node' ? hit.entityId : hit.nodeId));
      const ids = [...found.keys()].slice(0, limit);
      // Only nodes that still exist.
      const present = new Set(ids.length ? (await db.selectFrom('plan_nodes').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : []);
      const kept = ids.filter((id) => present.has(id));
      return { ids: kept, scores: new Map(kept.map((id) => [id, found.get(id)!])), degraded: false };
    } catch {
      // The database answers instead.
    }
  }
  const score = wordsMatched('search_key', words);
  const rows = await db
    .selectFrom('plan_nodes')
    .select(['id', score.as('score')])
    .where(score, '>=', Math.min(2, words.length))
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { ids: rows.map((r) => r.id), scores: new Map(rows.map((r) => [r.id, null])), degraded: true };
}

/** Nodes as an opinion lists them (with the node above), in the order of `ids`. */
export async function nodeRefs(db: Kysely<Database>, ids: number[]): Promise<OpinionNodeRefView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('plan_nodes as n')
    .leftJoin('plan_nodes as p', 'p.id', 'n.parent_id')
    .select(['n.id', 'n.plan_id', 'n.level', 'n.code', 'n.title', 'p.id as parent_id', 'p.level as parent_level', 'p.code as parent_code', 'p.title as parent_title'])
    .where('n.id', 'in', ids)
    .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        planId: r.plan_id,
        level: r.level,
        code: r.code,
        title: r.title,
        parent: r.parent_id === null ? null : { id: r.parent_id, level: r.parent_level!, code: r.parent_code, title: r.parent_title! },
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
