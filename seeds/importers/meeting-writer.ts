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
import { planImportedOpinions, type ImportedOpinionInput } from '../../db/opinions.js';
import { planImportedResponses, type ImportedResponseInput } from '../../db/responses.js';
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
  private loaded = false;
  /** Nodes by the match key of their title, and of their code; plans by the key of their title. */
  private readonly byTitleKey = new Map<string, PlanNodeRow[]>();
  private readonly byCodeKey = new Map<string, PlanNodeRow[]>();
  private readonly planByKey = new Map<string, number>();
  private readonly titleKeyOf = new Map<number, string>();
  /** Answers already given: a table names the same few measures on thousands of rows. */
  private readonly answers = new Map<string, number | null>();

  constructor(private readonly ctx: ImportContext) {}

  private async load(): Promise<void> {
    if (!this.loaded) {
      this.loaded = true;
      const nodes: PlanNodeRow[] = await this.ctx.db.selectFrom('plan_nodes').select(['id', 'plan_id', 'parent_id', 'level', 'code', 'title']).execute();
      for (const n of nodes) {
        const key = matchKey(n.title);
        this.titleKeyOf.set(n.id, key);
        this.byTitleKey.set(key, [...(this.byTitleKey.get(key) ?? []), n]);
        if (n.code !== null) this.byCodeKey.set(matchKey(n.code), [...(this.byCodeKey.get(matchKey(n.code)) ?? []), n]);
      }
      // Two plans of one title: the first registered is the one a title names.
      for (const p of await this.ctx.db.selectFrom('plans').select(['id', 'title']).orderBy('id').execute())
        if (!this.planByKey.has(matchKey(p.title))) this.planByKey.set(matchKey(p.title), p.id);
    }
  }

  private async remember(key: string, find: () => number | null): Promise<number | null> {
    await this.load();
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = find();
    this.answers.set(key, answer);
    return answer;
  }

  /**
   * The measure titled `title` (its 個別施策名), preferring one whose parent is
   * `parentTitle` (重点施策名), then a 施策, then the newest plan.
   */
  async byTitle(title: string, parentTitle: string | null, planTitle?: string | null): Promise<number | null> {
    return this.remember(`title\u0000${title}\u0000${parentTitle ?? ''}\u0000${planTitle ?? ''}`, () => {
      let candidates = this.byTitleKey.get(matchKey(title)) ?? [];
      if (planTitle) {
        const plan = this.planByKey.get(matchKey(planTitle));
        if (plan !== undefined) candidates = candidates.filter((n) => n.plan_id === plan);
      }
      if (candidates.length > 1 && parentTitle) {
        const parentKey = matchKey(parentTitle);
        const underParent = candidates.filter((n) => n.parent_id !== null && this.titleKeyOf.get(n.parent_id) === parentKey);
        if (underParent.length) candidates = underParent;
      }
      if (candidates.length > 1) {
        const measures = candidates.filter((n) => n.level === '施策');
        if (measures.length) candidates = measures;
      }
      return [...candidates].sort((a, b) => b.plan_id - a.plan_id || a.id - b.id)[0]?.id ?? null;
    });
  }

  /**
   * The node with `code` in the plan titled `planTitle`. A code means nothing
   * outside its plan: when the named plan is not there, nothing matches; with
   * no plan named, only a code that one plan alone uses does.
   */
  async byCode(code: string, planTitle: string | null): Promise<number | null> {
    return this.remember(`code\u0000${code}\u0000${planTitle ?? ''}`, () => {
      const plan = planTitle ? this.planByKey.get(matchKey(planTitle)) : undefined;
      if (planTitle && plan === undefined) return null;
      const found = (this.byCodeKey.get(matchKey(code)) ?? []).filter((n) => plan === undefined || n.plan_id === plan);
      return found.length === 1 ? found[0]!.id : null;
    });
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
  /** The document's opinions the meeting lacks, with the number and department each gets. */
  const added: Array<{ o: OpinionToWrite; seq: number; departmentId: number | null }> = [];
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
    added.push({ o, seq, departmentId: await ctx.department(o.department) });
  }
  if (added.length) {
    // All of a document's opinions and responses go in a few bulk statements, whatever their number.
    const ids = await ctx.w.reserveIds('opinions', added.length);
    const newOpinions: ImportedOpinionInput[] = [];
    const newResponses: ImportedResponseInput[] = [];
    added.forEach(({ o, seq, departmentId }, i) => {
      newOpinions.push({ id: ids[i]!, meetingId, seq, text: o.text, nodeIds: o.nodeIds, departmentId, dueOn: o.dueOn });
      if (o.response)
        newResponses.push({ opinionId: ids[i]!, text: o.response.text, state: o.response.state, commitment: o.response.commitment, departmentId });
    });
    planImportedOpinions(ctx.w, ctx.importId, newOpinions);
    await planImportedResponses(ctx.w, newResponses);
    // One queue entry sends the documents of every opinion of the meeting.
    ctx.w.searchChanged('meeting', meetingId);
    ctx.created.opinions += newOpinions.length;
    ctx.created.responses += newResponses.length;
  }
  return meetingId;
}
