/**
 * An item's timeline (経過): each reported period's final status, the change
 * from the period before, how often it was corrected, and whether the
 * period is frozen. For an opinion, also its due date, whether it is overdue
 * and its response as the reader may see it.
 */
import type { Kysely } from 'kysely';
import { formatPeriod } from '../api/lib/japanese-date.js';
import { isOverdue, latestStatus, owesReports, periodStatuses, statusChange, type PeriodStatus, type StatusChange } from './follow-through.js';
import { getOpinion } from './opinions.js';
import type { Commitment, Database, ProgressStatus, ResponseState } from './schema.js';
import { closedPeriods } from './periods.js';
import { isFrozen } from '../api/lib/period-closing.js';
import type { ProgressTarget } from './progress.js';
import type { Visibility } from './visibility.js';

export interface TimelineStepView {
  period: string;
  /** 令和3年度上半期 */
  label: string;
  status: ProgressStatus;
  /** The final status of the reported period before; null for the first report. */
  previousStatus: ProgressStatus | null;
  change: StatusChange;
  note: string | null;
  evidenceUrl: string | null;
  reportedAt: string;
  /** Earlier reports of this period that were corrected. */
  corrections: number;
  /** The period (or its whole fiscal year) is closed: its report can no longer be corrected. */
  closed: boolean;
}

export interface OpinionTimelineView {
  opinionId: number;
  dueOn: string | null;
  overdue: boolean;
  /** Progress can be reported on it: its own response is approved or has been published (see `owesReports`). */
  reportable: boolean;
  response: { text: string; state: ResponseState; commitment: Commitment; commitmentOverridden: boolean; version: number } | null;
  steps: TimelineStepView[];
}

export interface NodeTimelineView {
  nodeId: number;
  steps: TimelineStepView[];
}

/** Timeline steps from an item's period statuses (oldest first), given the closed periods. */
export function toTimelineSteps(statuses: readonly PeriodStatus[], closed: ReadonlySet<string>): TimelineStepView[] {
  return statuses.map((s, i) => {
    const previousStatus = i === 0 ? null : statuses[i - 1]!.status;
    return {
      period: s.period,
      label: formatPeriod(s.period),
      status: s.status,
      previousStatus,
      change: statusChange(previousStatus, s.status),
      note: s.note,
      evidenceUrl: s.evidenceUrl,
      reportedAt: s.reportedAt,
      corrections: s.corrections,
      closed: isFrozen(s.period, closed),
    };
  });
}

/** One item's period statuses, oldest first. */
async function statusesOf(db: Kysely<Database>, target: ProgressTarget, id: number): Promise<PeriodStatus[]> {
  return (await periodStatuses(db, target, [id])).get(id) ?? [];
}

/**
 * An opinion's timeline as `visibility` allows: undefined when the reader may
 * not see the opinion; the response exactly as GET /api/opinions/{id} shows it.
 */
export async function opinionTimeline(db: Kysely<Database>, id: number, visibility: Visibility, today: string): Promise<OpinionTimelineView | undefined> {
  const opinion = await getOpinion(db, id, visibility);
  if (!opinion) return undefined;
  const [statuses, closed] = await Promise.all([statusesOf(db, 'opinion', id), closedPeriods(db)]);
  let response: OpinionTimelineView['response'] = null;
  let reportable = false;
  if (opinion.response) {
    const { text, state, commitment, version } = opinion.response;
    // The response that answers it (a duplicate's is its group's). The override flag belongs to the
    // current version only: an older published version shown instead is not said to be overridden.
    const row = await db
      .selectFrom('responses')
      .select(['commitment', 'commitment_overridden', 'version', 'state', 'published_version'])
      .where('opinion_id', '=', opinion.duplicateOfId ?? id)
      .executeTakeFirst();
    const overridden = row?.commitment_overridden === 1 && row.version === version;
    response = { text, state, commitment, commitmentOverridden: overridden, version };
    // A duplicate is reported on through the opinion it duplicates, never itself.
    reportable = opinion.duplicateOfId === null && owesReports(row ? { state: row.state, publishedVersion: row.published_version } : null);
  }
  return {
    opinionId: id,
    dueOn: opinion.dueOn,
    overdue: isOverdue(opinion, latestStatus(statuses), today),
    reportable,
    response,
    steps: toTimelineSteps(statuses, closed),
  };
}

/** A node's timeline; undefined when there is no such node. */
export async function nodeTimeline(db: Kysely<Database>, id: number): Promise<NodeTimelineView | undefined> {
  const node = await db.selectFrom('plan_nodes').select('id').where('id', '=', id).executeTakeFirst();
  if (!node) return undefined;
  const [statuses, closed] = await Promise.all([statusesOf(db, 'node', id), closedPeriods(db)]);
  return { nodeId: id, steps: toTimelineSteps(statuses, closed) };
}
