/**
 * Writes a meeting and its opinions read from a document (a 実施結果報告書 or
 * an opinions table). A meeting already in the database (same title and
 * fiscal year) is added to; an opinion it already has (the same number and
 * text, or for unnumbered rows the same text) is skipped, so importing the
 * same document twice creates nothing.
 */
import { fiscalYearOf } from '../../api/lib/japanese-date.js';
import { matchKey } from '../../api/lib/text.js';
import { planMeetingInsert } from '../../db/meetings.js';
import { planOpinionInsert } from '../../db/opinions.js';
import { planImportedResponseInsert } from '../../db/responses.js';
import type { Commitment, PlanNode, ResponseState } from '../../db/schema.js';
import type { ParsedMeeting } from './types.js';
import type { ImportContext } from './import-context.js';

/** A meeting as a document gives it, with the line it starts on. */
export type MeetingToWrite = Omit<ParsedMeeting, 'opinions'> & { line: number };

export interface OpinionToWrite {
  seq: number | null;
  text: string;
  nodeIds: number[];
  department: string | null;
  dueOn: string | null;
  response: { text: string; state: ResponseState; commitment: Commitment | null } | null;
  line: number;
}

type PlanNodeRow = Pick<PlanNode, 'id' | 'plan_id' | 'parent_id' | 'level' | 'code' | 'title'>;

/** Finds plan nodes by what a document prints about them. Loads the nodes once per import. */
export class NodeFinder {
  private nodes: PlanNodeRow[] | null = null;
  private plans: Array<{ id: number; title: string }> = [];

  constructor(private readonly ctx: ImportContext) {}

  private async load(): Promise<PlanNodeRow[]> {
    if (!this.nodes) {
      this.nodes = await this.ctx.db.selectFrom('plan_nodes').select(['id', 'plan_id', 'parent_id', 'level', 'code', 'title']).execute();
      this.plans = await this.ctx.db.selectFrom('plans').select(['id', 'title']).execute();
    }
    return this.nodes;
  }

  /**
   * The measure titled `title` (its 個別施策名), preferring one whose parent is
   * `parentTitle` (重点施策名), then a 施策, then the newest plan.
   */
  async byTitle(title: string, parentTitle: string | null, planTitle?: string | null): Promise<number | null> {
    const nodes = await this.load();
    const key = matchKey(title);
    let candidates = nodes.filter((n) => matchKey(n.title) === key);
    if (planTitle) {
      const plan = this.plans.find((p) => matchKey(p.title) === matchKey(planTitle));
      if (plan) candidates = candidates.filter((n) => n.plan_id === plan.id);
    }
    if (candidates.length > 1 && parentTitle) {
      const parentKey = matchKey(parentTitle);
      const underParent = candidates.filter((n) => nodes.some((p) => p.id === n.parent_id && matchKey(p.title) === parentKey));
      if (underParent.length) candidates = underParent;
    }
    if (candidates.length > 1) {
      const measures = candidates.filter((n) => n.level === '施策');
      if (measures.length) candidates = measures;
    }
    candidates.sort((a, b) => b.plan_id - a.plan_id || a.id - b.id);
    return candidates[0]?.id ?? null;
  }

  /**
   * The node with `code` in the plan titled `planTitle`. A code means nothing
   * outside its plan: when the named plan is not there, nothing matches; with
   * no plan named, only a code that one plan alone uses does.
   */
  async byCode(code: string, planTitle: string | null): Promise<number | null> {
    const nodes = await this.load();
    const plan = planTitle ? this.plans.find((p) => matchKey(p.title) === matchKey(planTitle)) : undefined;
    if (planTitle && !plan) return null;
    const found = nodes.filter((n) => n.code !== null && matchKey(n.code) === matchKey(code) && (!plan || n.plan_id === plan.id));
    return found.length === 1 ? found[0]!.id : null;
  }
}

/** Writes the meeting (or finds it) and the opinions it does not have yet. */
/** The API's limit on a meeting title; a document whose heading runs on is cut there, with a warning. */
const MAX_TITLE = 300;

export async function writeMeeting(ctx: ImportContext, meeting: MeetingToWrite, opinions: OpinionToWrite[]): Promise<number> {
  if ([...meeting.title].length > MAX_TITLE) {
    ctx.warn(meeting.line, `会議名が${MAX_TITLE}文字を超えるため、先頭${MAX_TITLE}文字を会議名にしました。資料の見出しを確認してください。`);
    meeting = { ...meeting, title: [...meeting.title].slice(0, MAX_TITLE).join('') };
  }
  let fiscalYear = meeting.fiscalYear ?? (meeting.heldOn ? fiscalYearOf(meeting.heldOn) : null);
  if (fiscalYear === null) {
    fiscalYear = fiscalYearOf(new Date().toISOString().slice(0, 10));
    ctx.warn(meeting.line, `年度が資料から読み取れないため、${fiscalYear}年度として登録しました。`);
  }
  const existing = await ctx.db
    .selectFrom('meetings')
    .select(['id', 'title'])
    .where('fiscal_year', '=', fiscalYear)
    .execute()
    .then((rows) => rows.find((m) => matchKey(m.title) === matchKey(meeting.title)));
  let meetingId: number;
  const takenSeqs = new Set<number>();
  /** What the meeting already has: number → text, and how many times each text occurs. */
  const bySeq = new Map<number, string>();
  const textCounts = new Map<string, number>();
  if (existing) {
    meetingId = existing.id;
    const rows = await ctx.db.selectFrom('opinions').select(['seq', 'text']).where('meeting_id', '=', meetingId).execute();
    for (const r of rows) {
      takenSeqs.add(r.seq);
      bySeq.set(r.seq, r.text);
      textCounts.set(r.text, (textCounts.get(r.text) ?? 0) + 1);
    }
  } else {
    meetingId = await planMeetingInsert(ctx.w, {
      title: meeting.title,
      body: meeting.body,
      kind: meeting.kind,
      fiscalYear,
      heldOn: meeting.heldOn,
      theme: meeting.theme,
      commentOpensOn: meeting.commentOpensOn,
      commentClosesOn: meeting.commentClosesOn,
    });
    ctx.created.meetings++;
  }
  ctx.touch('meetingIds', meetingId);

  // Numbers the document does not give (or that clash) come after every number in use or in the document.
  // (A loop, not Math.max(...list): a year's opinions would overflow the call stack.)
  let nextSeq = 1;
  for (const seq of takenSeqs) nextSeq = Math.max(nextSeq, seq + 1);
  for (const o of opinions) if (o.seq !== null) nextSeq = Math.max(nextSeq, o.seq + 1);
  for (const o of opinions) {
    // Already there: the same number with the same text, or (unnumbered) the same text not yet matched.
    // Identical opinions sent by different people are kept apart by their numbers.
    if (o.seq !== null ? bySeq.get(o.seq) === o.text : (textCounts.get(o.text) ?? 0) > 0) {
      if (o.seq === null) textCounts.set(o.text, textCounts.get(o.text)! - 1);
      continue;
    }
    const clash = o.seq !== null && takenSeqs.has(o.seq);
    if (clash) ctx.warn(o.line, `番号${o.seq}は会議で既に使われているため、${nextSeq}番としました。`);
    const seq = o.seq !== null && !clash ? o.seq : nextSeq++;
    takenSeqs.add(seq);
    const departmentId = await ctx.department(o.department);
    const opinionId = await planOpinionInsert(ctx.w, { meetingId, seq, text: o.text, nodeIds: o.nodeIds, departmentId, dueOn: o.dueOn });
    ctx.created.opinions++;
    if (o.response) {
      await planImportedResponseInsert(ctx.w, opinionId, { ...o.response, departmentId });
      ctx.created.responses++;
    }
  }
  return meetingId;
}
