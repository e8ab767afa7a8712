/**
 * The search document of an opinion: its text, its response as each kind of
 * reader may see it, and the facts to filter and facet on. Text is NFKC
 * normalised (ＫＰＩ finds KPI); the response is kept three times — as the
 * staff see it, as committee members see it, as the public sees it — so that
 * a query searches only the fields its reader may read.
 */
import type { Kysely } from 'kysely';
import { toOpinionViews, visibleResponse } from '../db/opinions.js';
import type { Database } from '../db/schema.js';
import { inChunks } from '../db/chunks.js';
import { documentText } from './highlight.js';
import type { Visibility } from '../db/visibility.js';
import { ancestry } from './node-ancestry.js';

export interface OpinionDocument {
  /** `opinion-<id>`: one index holds opinions, nodes and indicators. */
  id: string;
  type: 'opinion';
  entityId: number;
  title: string;
  text: string;
  /** The current response (staff). */
  responseText: string | null;
  /** The response as committee members see it (approved or published). */
  approvedResponseText: string | null;
  /** The published response (everyone). */
  publishedResponseText: string | null;
  /** Titles of the linked measures and the nodes above them. */
  nodeTitles: string[];
  /** Linked nodes and every node above them, so a filter on a strategy finds its measures' opinions. */
  nodeIds: number[];
  meetingId: number;
  meetingTitle: string;
  /** Date held, as a sortable number (YYYYMMDD), or null. */
  heldOn: number | null;
  fiscalYear: number;
  departmentId: number | null;
  departmentName: string | null;
  /** Response state and commitment as the staff see them, as committee members see them, as the public sees them. */
  state: string | null;
  commitment: string | null;
  approvedState: string | null;
  approvedCommitment: string | null;
  publishedState: string | null;
  publishedCommitment: string | null;
  dueOn: string | null;
  status: string | null;
  /** Which readers may find the opinion at all. */
  visibleTo: Visibility[];
}

const nfkc = (text: string | null | undefined) => (text ? documentText(text) : null);

/** Documents for the opinions `ids` (missing ones are left out). */
export async function opinionDocuments(db: Kysely<Database>, ids: number[]): Promise<OpinionDocument[]> {
  if (ids.length === 0) return [];
  const rows = await inChunks(ids, (chunk) => db.selectFrom('opinions').selectAll().where('id', 'in', chunk).execute());
  const views = await toOpinionViews(db, rows, 'all');
  const meetingIds = [...new Set(rows.map((r) => r.meeting_id))];
  const meetings = new Map(
    (await inChunks(meetingIds, (chunk) => db.selectFrom('meetings').select(['id', 'title', 'held_on', 'fiscal_year']).where('id', 'in', chunk).execute())).map((m) => [m.id, m]),
  );
  const nodes = await ancestry(db, [...new Set(views.flatMap((v) => v.nodeIds))]);
  return views.map((v) => {
    const meeting = meetings.get(v.meetingId)!;
    const approved = visibleResponse(v.response, 'approved');
    const published = visibleResponse(v.response, 'published');
    const linked = v.nodeIds.flatMap((id) => nodes.get(id) ?? []);
    const uniqueNodes = [...new Map(linked.map((n) => [n.id, n])).values()];
    return {
      id: `opinion-${v.id}`,
      type: 'opinion',
      entityId: v.id,
      title: documentText(`${meeting.title} 意見${v.seq}`),
      text: documentText(v.text),
      responseText: nfkc(v.response?.text),
      approvedResponseText: nfkc(approved?.text),
      publishedResponseText: nfkc(published?.text),
      nodeTitles: uniqueNodes.map((n) => documentText(n.title)),
      nodeIds: uniqueNodes.map((n) => n.id),
      meetingId: v.meetingId,
      meetingTitle: documentText(meeting.title),
      heldOn: meeting.held_on ? Number(meeting.held_on.replaceAll('-', '')) : null,
      fiscalYear: meeting.fiscal_year,
      departmentId: v.departmentId,
      departmentName: v.department ? [v.department.bureau, v.department.name].filter(Boolean).join(' ') : null,
      state: v.response?.state ?? null,
      commitment: v.response?.commitment ?? null,
      approvedState: approved?.state ?? null,
      approvedCommitment: approved?.commitment ?? null,
      publishedState: published?.state ?? null,
      publishedCommitment: published?.commitment ?? null,
      dueOn: v.dueOn,
      status: v.latestProgress?.status ?? null,
      visibleTo: published ? ['all', 'approved', 'published'] : ['all', 'approved'],
    };
  });
}
