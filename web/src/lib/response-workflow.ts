/**
 * The response workflow as the pages see it: who may do what (mirroring the
 * API's access rules, so each role is shown only what it can do), labels for
 * the history's steps, the secretariat's latest return comment, dates and
 * times in 和暦, and the groups of the department's inbox.
 */
import type { Opinion, OpinionResponse, ResponseState, ResponseVersion } from '../api/types.js';
import type { Session } from '../session/session-context.js';
import { RESPONSE_STATE_LABELS, ROLE_LABELS } from './labels.js';

/** What each step of a response's history is called (`edit` and `import` are not workflow actions). */
export const STEP_LABELS: Record<string, string> = {
  edit: '保存',
  submit: '提出',
  return: '差戻し',
  approve: '承認',
  publish: '公開',
  import: '資料から取り込み',
};

/** One step of a response's history, in the words the history list shows. */
export interface StepView {
  /** 提出, or 保存（下書き） when the state stayed as it was. */
  label: string;
  /** "提出済み → 差戻し" when the state changed; '' when it did not. */
  states: string;
  /** The step's comment, unless it only repeats the label (an import's 資料から取り込み). */
  comment: string | null;
}

export function stepView(event: Pick<ResponseVersion['events'][number], 'action' | 'fromState' | 'toState' | 'comment'>): StepView {
  const name = STEP_LABELS[event.action] ?? event.action;
  const to = RESPONSE_STATE_LABELS[event.toState] ?? event.toState;
  const same = event.fromState === event.toState;
  const from = event.fromState ? (RESPONSE_STATE_LABELS[event.fromState] ?? event.fromState) : null;
  return {
    label: same ? `${name}（${to}）` : name,
    states: same ? '' : from ? `${from} → ${to}` : to,
    comment: event.comment && event.comment.trim() !== name ? event.comment : null,
  };
}

/** Whole days from `today` to `isoDate` (negative when it has passed). Both ISO dates. */
export function daysBetween(today: string, isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}


/** "事務局 担当（事務局）", or a neutral word when the API does not name the person. */
export function actorLabel(actor: ResponseVersion['events'][number]['actor']): string {
  if (!actor) return '';
  const role = actor.role && actor.role in ROLE_LABELS ? ROLE_LABELS[actor.role as keyof typeof ROLE_LABELS] : actor.role;
  const name = actor.name ?? '（名前なし）';
  return role ? `${name}（${role}）` : name;
}

/** The signed-in person is the secretariat. */
export function isSecretariat(session: Session): boolean {
  return session.me?.role === 'secretariat';
}

/**
 * True when the signed-in person may write this opinion's response: the
 * secretariat, or a department user whose department answers for the opinion
 * (the opinion's department or the response's). A duplicate is answered on
 * the first opinion, so it is never edited itself.
 */
export function canEditResponse(session: Session, opinion: Opinion, response: OpinionResponse | null): boolean {
  if (opinion.duplicateOfId !== null) return false;
  const me = session.me;
  if (!me) return false;
  if (me.role === 'secretariat') return true;
  if (me.role !== 'department' || me.departmentId === null) return false;
  return opinion.departmentId === me.departmentId || response?.departmentId === me.departmentId;
}

/** One step of the history with the version it belongs to, in the order the API gives them. */
export interface HistoryStep {
  version: number;
  event: ResponseVersion['events'][number];
}

/** Every step of every version, oldest first. */
export function historySteps(versions: readonly ResponseVersion[]): HistoryStep[] {
  return versions.flatMap((v) => v.events.map((event) => ({ version: v.version, event })));
}

/**
 * The secretariat's latest 差戻し that the department has not answered yet
 * (no 提出 after it): its comment is what the department works on. Null when
 * there is none or it was already resubmitted.
 */
export function pendingReturn(versions: readonly ResponseVersion[]): HistoryStep | null {
  const steps = historySteps(versions);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.event.action === 'submit') return null;
    if (step.event.action === 'return') return step;
  }
  return null;
}

/** What saving means in each state, for the editor's hint. */
export function saveHint(state: ResponseState | null): string {
  switch (state) {
    case null:
      return '保存すると第1版の下書きになります。提出すると事務局の確認に回ります。';
    case 'draft':
      return '下書きは担当課と事務局だけが見られます。書き終えたら「提出」を押してください。';
    case 'returned':
      return '事務局のコメントを踏まえて修正し、もう一度「提出」してください。修正して保存すると新しい版の下書きになります。';
    case 'submitted':
      return '提出済みです。内容を変えて保存すると新しい版の下書きに戻り、もう一度提出が必要になります。';
    case 'approved':
      return '承認済みです。内容を変えて保存すると新しい版の下書きに戻り、もう一度提出・承認が必要になります。';
    case 'published':
      return '公開中です。内容を変えて保存すると新しい版の下書きになります。新しい版が公開されるまで、今の版が公開されたままです。';
  }
}

/** The groups of the department's inbox. */
export type InboxGroupKey = 'returned' | 'due_soon' | 'open' | 'done';

export const INBOX_GROUP_LABELS: Record<InboxGroupKey, string> = {
  returned: '差戻し',
  due_soon: '期限が近い',
  open: '未回答・下書き',
  done: '提出済・承認済・公開',
};

/** How close "期限が近い" is. */
export const DUE_SOON_DAYS = 30;

/** The state an opinion's response is in, as the department sees it (null: no response yet). */
export function responseStateOf(opinion: Opinion): ResponseState | null {
  return opinion.response?.state ?? null;
}

/**
 * True when the opinion's due date is within DUE_SOON_DAYS of `today` (or
 * has passed) and its response is not yet approved or published.
 */
export function isDueSoon(opinion: Opinion, today: string): boolean {
  if (!opinion.dueOn) return false;
  const state = responseStateOf(opinion);
  if (state === 'approved' || state === 'published') return false;
  return daysBetween(today, opinion.dueOn) <= DUE_SOON_DAYS;
}

/**
 * Sorts the department's opinions into the inbox groups. Each opinion is in
 * exactly one of 差戻し / 未回答・下書き / 提出済・承認済・公開; 期限が近い
 * lists those of them whose due date is near, soonest first.
 */
export function groupInbox(opinions: readonly Opinion[], today: string): Record<InboxGroupKey, Opinion[]> {
  const groups: Record<InboxGroupKey, Opinion[]> = { returned: [], due_soon: [], open: [], done: [] };
  for (const opinion of opinions) {
    const state = responseStateOf(opinion);
    if (state === 'returned') groups.returned.push(opinion);
    else if (state === null || state === 'draft') groups.open.push(opinion);
    else groups.done.push(opinion);
    if (isDueSoon(opinion, today)) groups.due_soon.push(opinion);
  }
  groups.due_soon.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.id - b.id);
  return groups;
}

/** "あと12日" / "今日まで" / "3日過ぎています". */
export function dueInWords(today: string, dueOn: string): string {
  const days = daysBetween(today, dueOn);
  if (days > 0) return `あと${days}日`;
  if (days === 0) return '今日が期限';
  return `期限を${-days}日過ぎています`;
}
