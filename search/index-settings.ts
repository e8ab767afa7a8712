/**
 * The one Meilisearch index and its settings. Japanese text needs the
 * Japanese locale on every text field: without it Meilisearch takes
 * kanji-only text for Chinese and misses words such as 競争力 or 外国籍
 * (tests/search/japanese-queries.test.ts shows both).
 */
import type { Meilisearch } from 'meilisearch';

/**
 * The index. Its name carries the shape of the documents: when a change to
 * the documents needs every one of them rebuilt, the version goes up, the
 * server finds the new index empty and builds it, and drops the old one.
 */
export const DOCUMENT_VERSION = 2;
export const INDEX_UID = `entries_v${DOCUMENT_VERSION}`;

/** Indexes of earlier document versions (and the unversioned first one). */
export function isOutdatedIndex(uid: string): boolean {
  const m = /^entries(?:_v(\d+))?$/.exec(uid);
  return m !== null && Number(m[1] ?? 1) < DOCUMENT_VERSION;
}

/** Fields searched, most telling first. */
export const SEARCHABLE_ATTRIBUTES = ['title', 'text', 'publishedResponseText', 'approvedResponseText', 'responseText', 'nodeTitles', 'meetingTitle', 'departmentName'];

export const FILTERABLE_ATTRIBUTES = [
  'type',
  'meetingId',
  'nodeIds',
  'departmentId',
  'state',
  'approvedState',
  'publishedState',
  'commitment',
  'approvedCommitment',
  'publishedCommitment',
  'status',
  'fiscalYear',
  'visibleTo',
  // Which of the opinions saved a moment ago the index already holds (search/run-search.ts).
  'entityId',
];

/** Deepest page /api/search offers (500 pages of 20): totals are exact up to here. */
export const MAX_TOTAL_HITS = 10_000;

export const SORTABLE_ATTRIBUTES = ['heldOn', 'fiscalYear'];

/** Creates the index when missing and applies the settings; waits until they are in force. */
export async function applyIndexSettings(client: Meilisearch, options: { uid?: string; japanese?: boolean } = {}): Promise<void> {
  const uid = options.uid ?? INDEX_UID;
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  const index = client.index(uid);
  await index
    .updateSettings({
      searchableAttributes: SEARCHABLE_ATTRIBUTES,
      filterableAttributes: FILTERABLE_ATTRIBUTES,
      sortableAttributes: SORTABLE_ATTRIBUTES,
      pagination: { maxTotalHits: MAX_TOTAL_HITS },
      // Every meeting of many years is a facet value.
      faceting: { maxValuesPerFacet: 1000 },
      // Tests turn this off to show what it is for; the service never does.
      localizedAttributes: options.japanese === false ? [] : [{ attributePatterns: SEARCHABLE_ATTRIBUTES, locales: ['jpn'] }],
    })
    .waitTask();
}
