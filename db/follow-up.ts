/**
 * A meeting's follow-up (対応状況), the committee's view: every opinion the
 * reader may see with the city's response, what it commits to, the latest
 * status, a small timeline, and whether it is overdue, stalled or not yet
 * reported for the current period. The rules come from db/follow-through.ts.
 */
import type { Kysely } from 'kysely';
import { formatPeriod } from '../api/lib/japanese-date.js';
import { isOverdue, isStalled, latestStatus, needsReport, owesReports, periodStatuses, statusChange, type StatusChange } from './follow-through.js';
import { getMeetingRow } from './meetings.js';
import { toOpinionViews } from './opinions.js';
import { currentPeriod } from './periods.js';
import type { Commitment, Database, ProgressStatus, ResponseState } from './schema.js';
import { opinionVisibleSql, type Visibility } from './visibility.js';

export interface FollowUpStepView {
  period: string;
  /** 令和3年度上半期 */
  label: string;
  status: ProgressStatus;
  change: StatusChange;
}

export interface FollowUpItemView {
  opinionId: number;
  seq: number;
  text: string;
  departmentId: number | null;
  /** The department's name. */
  department: string | null;
  dueOn: string | null;
  response: { text: string; state: ResponseState; commitment: Commitment } | null;
  latestStatus: ProgressStatus | null;
  latestPeriod: string | null;
  overdue: boolean;
  stalled: boolean;
  notReported: boolean;
  timeline: FollowUpStepView[];
}

export interface MeetingFollowUpView {
  meeting: { id: number; title: string };
  period: { period: string; label: string };
  counts: { total: number; overdue: number; stalled: number; notReported: number; done: number };
  items: FollowUpItemView[];
}

/**
 * The follow-up of meeting `meetingId` as `visibility` allows, judged on
 * `today` (ISO, Japan time) and the current reporting period; undefined when
 * there is no such meeting. Opinions in the order of the meeting.
 */
export async function meetingFollowUp(db: Kysely<Database>, meetingId: number, visibility: Visibility, today: string): Promise<MeetingFollowUpView | undefined> {
  const meeting = await getMeetingRow(db, meetingId);
  if (!meeting) return undefined;
  const rows = await db
    .selectFrom('opinions as o')
    .selectAll('o')
    .where('o.meeting_id', '=', meetingId)
    .where(opinionVisibleSql(visibility))
    .orderBy('o.seq')
    .orderBy('o.id')
    .execute();
  const [period, opinions, statuses] = await Promise.all([
    currentPeriod(db, today),
    // The response exactly as GET /api/opinions shows it to this reader (a duplicate shows the one answering it).
    toOpinionViews(db, rows, visibility),
    periodStatuses(
      db,
      'opinion',
      rows.map((r) => r.id),
    ),
  ]);
  const items = opinions.map((opinion): FollowUpItemView => {
    const steps = statuses.get(opinion.id) ?? [];
    const latest = latestStatus(steps);
    const response = opinion.response;
    return {
      opinionId: opinion.id,
      seq: opinion.seq,
      text: opinion.text,
      departmentId: opinion.departmentId,
      department: opinion.department?.name ?? null,
      dueOn: opinion.dueOn,
      response: response && { text: response.text, state: response.state, commitment: response.commitment },
      latestStatus: latest,
      latestPeriod: steps.at(-1)?.period ?? null,
      overdue: isOverdue(opinion, latest, today),
      stalled: isStalled(response?.commitment ?? null, steps),
      // A duplicate is answered, and reported on, through the opinion it duplicates (which is listed itself).
      // Judged on the response as this reader sees it; every reader gets the same answer, since a published promise stays one.
      notReported: opinion.duplicateOfId === null && owesReports(response && { state: response.state, publishedVersion: response.published?.version ?? null }) && needsReport(steps, period),
      timeline: steps.map((s, i) => ({
        period: s.period,
        label: formatPeriod(s.period),
        status: s.status,
        change: statusChange(i === 0 ? null : steps[i - 1]!.status, s.status),
      })),
    };
  });
  const count = (pick: (item: FollowUpItemView) => boolean) => items.filter(pick).length;
  return {
    meeting: { id: meeting.id, title: meeting.title },
    period: { period, label: formatPeriod(period) },
    counts: {
      total: items.length,
      overdue: count((i) => i.overdue),
      stalled: count((i) => i.stalled),
      notReported: count((i) => i.notReported),
      done: count((i) => i.latestStatus === 'done'),
    },
    items,
  };
}
