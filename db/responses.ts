/**
 * 対応方針 / 市の考え方: the city's current response to an opinion, its
 * versions, and its workflow (draft → submitted → approved → published, with
 * returned going back to the department).
 */
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../api/lib/errors.js';
import { deriveCommitment } from '../api/lib/commitment.js';
import { matchKey } from '../api/lib/text.js';
import { RESPONSE_STATE_LABELS } from '../api/lib/labels.js';
import type { IfMatch } from '../api/lib/response-etag.js';
import type { Commitment, Database, Response, ResponseState } from './schema.js';
import type { Store } from './store.js';
import { currentVersionVisible, versionVisible, type Visibility } from './visibility.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';

export interface ResponseView {
  opinionId: number;
  text: string;
  departmentId: number | null;
  state: ResponseState;
  commitment: Commitment;
  /** True when a person set the commitment instead of it being read from the text. */
  commitmentOverridden: boolean;
  version: number;
  /** The version the public sees; null until one is published. */
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResponseEventView {
  action: string;
  fromState: ResponseState | null;
  toState: ResponseState;
  comment: string | null;
  /** Who took the step; null for imports, and for readers outside the city's staff. */
  actor: { name: string | null; role: string | null } | null;
  createdAt: string;
}

export interface ResponseVersionView {
  version: number;
  text: string;
  departmentId: number | null;
  commitment: Commitment;
  createdAt: string;
  /** What happened to this version: saved, submitted, returned, approved, published. */
  events: ResponseEventView[];
}

export function toResponseView(row: Response): ResponseView {
  return {
    opinionId: row.opinion_id,
    text: row.text,
    departmentId: row.department_id,
    state: row.state,
    commitment: row.commitment,
    commitmentOverridden: row.commitment_overridden === 1,
    version: row.version,
    publishedVersion: row.published_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** 412: the editor started from an older version than the one stored (`current`, when known). */
export function staleVersion(current?: number): ApiError {
  const which = current === undefined ? '' : `（現在の版: ${current}）`;
  return new ApiError('precondition_failed', `対応方針は他の人によって更新されています${which}。最新の内容を確認してから保存してください。`);
}

/**
 * Checks If-Match against the current response (RFC 9110): without a
 * response any If-Match fails; `*` matches any version.
 */
export function checkIfMatch(ifMatch: IfMatch | null, current: Response | undefined): void {
  if (ifMatch === null) return;
  if (!current) throw new ApiError('precondition_failed', 'If-Match が指定されていますが、この意見にはまだ対応方針がありません。');
  if (ifMatch !== '*' && !ifMatch.includes(current.version)) throw staleVersion(current.version);
}

export async function getResponseRow(db: Kysely<Database>, opinionId: number): Promise<Response | undefined> {
  return db.selectFrom('responses').selectAll().where('opinion_id', '=', opinionId).executeTakeFirst();
}

/**
 * A response's versions with their history, as `visibility` allows: staff
 * see every version and step; committee members the versions that were
 * approved or published; the public the published ones, with only the steps
 * that made them public.
 */
export async function listResponseVersions(db: Kysely<Database>, responseId: number, visibility: Visibility = 'all'): Promise<ResponseVersionView[]> {
  const [versions, events] = await Promise.all([
    db.selectFrom('response_versions').selectAll().where('response_id', '=', responseId).orderBy('version').execute(),
    db.selectFrom('response_events').selectAll().where('response_id', '=', responseId).orderBy('id').execute(),
  ]);
  const staff = visibility === 'all';
  return versions.flatMap((v) => {
    const own = events.filter((e) => e.version === v.version);
    if (!versionVisible(visibility, own.map((e) => e.to_state))) return [];
    return [
      {
        version: v.version,
        text: v.text,
        departmentId: v.department_id,
        commitment: v.commitment,
        createdAt: v.created_at,
        events: own
          .filter((e) => staff || currentVersionVisible(visibility, e.to_state))
          .map((e) => ({
            action: e.action,
            fromState: e.from_state,
            toState: e.to_state,
            comment: e.comment,
            actor: staff && e.actor_id !== null ? { name: e.actor_name, role: e.actor_role } : null,
            createdAt: e.created_at,
          })),
      },
    ];
  });
}

/** The last published version of a response as a view of its own (what readers outside the staff see while a revision is under way). */
export async function publishedResponseView(db: Kysely<Database>, row: Response): Promise<ResponseView | undefined> {
  if (row.published_version === null) return undefined;
  const v = await db
    .selectFrom('response_versions')
    .selectAll()
    .where('response_id', '=', row.id)
    .where('version', '=', row.published_version)
    .executeTakeFirst();
  if (!v) return undefined;
  return {
    ...toResponseView(row),
    text: v.text,
    departmentId: v.department_id,
    commitment: v.commitment,
    version: v.version,
    state: 'published',
  };
}

export interface ResponseInput {
  text: string;
  departmentId?: number | null;
  /** Sets the commitment by hand; null goes back to reading it from the text; omitted keeps an earlier override. */
  commitment?: Commitment | null;
}

/** Aborts the batch unless the response is still at `version` when it runs. */
function guardVersion(w: WritePlan, responseId: number, version: number): void {
  w.guard(sql`(SELECT version FROM responses WHERE id = ${responseId}) = ${version}`, () => staleVersion());
}

/**
 * Creates the response (version 1, draft) or saves a new version of it.
 * `ifMatch` is what the editor started from (the If-Match header); it must be
 * given when a response exists. Saving text unchanged writes nothing.
 */
export async function saveResponse(
  store: Store,
  actor: Actor | null,
  opinionId: number,
  input: ResponseInput,
  ifMatch: IfMatch | null,
): Promise<{ created: boolean; changed: boolean }> {
  const current = await getResponseRow(store.db, opinionId);
  if (current && ifMatch === null)
    throw new ApiError('precondition_required', '対応方針を更新するには If-Match ヘッダーに現在の版（ETag）を指定してください。');
  checkIfMatch(ifMatch, current);

  const overridden = input.commitment === undefined ? current?.commitment_overridden === 1 : input.commitment !== null;
  const commitment: Commitment =
    input.commitment ?? (overridden && current ? current.commitment : deriveCommitment(input.text));
  // A new response is the opinion's department's to answer unless another is named.
  const departmentId =
    input.departmentId !== undefined
      ? input.departmentId
      : current
        ? current.department_id
        : ((await store.db.selectFrom('opinions').select('department_id').where('id', '=', opinionId).executeTakeFirst())?.department_id ?? null);

  return runWrite(store, actor, async (w) => {
    if (!current) {
      // Marked as a duplicate meanwhile: its group's response answers it.
      w.guard(
        sql`(SELECT duplicate_of IS NULL FROM opinions WHERE id = ${opinionId})`,
        () => new ApiError('conflict', 'この意見は同趣旨の意見として整理されたため、元の意見の対応方針が回答になります。画面を更新してください。'),
      );
      const id = await planFirstVersion(w, opinionId, { text: input.text, departmentId, state: 'draft', commitment, overridden });
      w.audit({ entity: 'response', entityId: id, opinionId, action: 'create', after: { text: input.text, departmentId, commitment, state: 'draft', version: 1 } });
      return { created: true, changed: true };
    }
    const unchanged =
      current.text === input.text &&
      current.department_id === departmentId &&
      current.commitment === commitment &&
      (current.commitment_overridden === 1) === overridden;
    if (unchanged) return { created: false, changed: false };
    const version = current.version + 1;
    guardVersion(w, current.id, current.version);
    w.add(
      w.db
        .updateTable('responses')
        .set({
          text: input.text,
          text_key: matchKey(input.text),
          department_id: departmentId,
          commitment,
          commitment_overridden: overridden ? 1 : 0,
          version,
          // Any change goes back through review; a published version stays public meanwhile.
          state: 'draft',
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', current.id),
    );
    await addVersion(w, current.id, version, input.text, departmentId, commitment);
    await addEvent(w, current.id, version, 'edit', current.state, 'draft', null);
    w.audit({
      entity: 'response',
      entityId: current.id,
      opinionId,
      action: 'update',
      before: toResponseView(current),
      after: { text: input.text, departmentId, commitment, state: 'draft', version },
    });
    return { created: false, changed: true };
  });
}

async function addVersion(w: WritePlan, responseId: number, version: number, text: string, departmentId: number | null, commitment: Commitment) {
  w.add(
    w.db.insertInto('response_versions').values({
      id: await w.reserveId('response_versions'),
      response_id: responseId,
      version,
      text,
      department_id: departmentId,
      commitment,
    }),
  );
}

/** Records one step of a response's history. */
async function addEvent(
  w: WritePlan,
  responseId: number,
  version: number,
  action: string,
  from: ResponseState | null,
  to: ResponseState,
  comment: string | null,
) {
  w.add(
    w.db.insertInto('response_events').values({
      id: await w.reserveId('response_events'),
      response_id: responseId,
      version,
      action,
      from_state: from,
      to_state: to,
      comment,
      actor_id: w.actor?.id ?? null,
      actor_name: w.actor?.name ?? null,
      actor_role: w.actor?.role ?? null,
    }),
  );
}

/** Inserts a new response at version 1 in `state`, with its first version and the step that saved it as a draft. */
async function planFirstVersion(
  w: WritePlan,
  opinionId: number,
  input: { text: string; departmentId: number | null; state: ResponseState; commitment: Commitment; overridden: boolean },
): Promise<number> {
  const id = await w.reserveId('responses');
  w.add(
    w.db.insertInto('responses').values({
      id,
      opinion_id: opinionId,
      text: input.text,
      text_key: matchKey(input.text),
      department_id: input.departmentId,
      state: input.state,
      commitment: input.commitment,
      commitment_overridden: input.overridden ? 1 : 0,
      version: 1,
      published_version: input.state === 'published' ? 1 : null,
    }),
  );
  await addVersion(w, id, 1, input.text, input.departmentId, input.commitment);
  await addEvent(w, id, 1, 'edit', null, 'draft', null);
  return id;
}

export type TransitionAction = 'submit' | 'return' | 'approve' | 'publish';

/** Which states each action may start from, and where it leads. */
export const TRANSITIONS: Record<TransitionAction, { from: readonly ResponseState[]; to: ResponseState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
};

const STATE_LABEL: Record<ResponseState, string> = RESPONSE_STATE_LABELS;

const ACTION_LABEL: Record<TransitionAction, string> = {
  submit: '提出',
  return: '差戻し',
  approve: '承認',
  publish: '公開',
};

/** Moves a response through its workflow, keeping the step (with its comment) in the history. */
export async function transitionResponse(
  store: Store,
  actor: Actor | null,
  current: Response,
  action: TransitionAction,
  comment: string | null,
): Promise<void> {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current.state)) {
    const allowed = rule.from.map((state) => `「${STATE_LABEL[state]}」`).join('か');
    throw new ApiError('conflict', `「${STATE_LABEL[current.state]}」の対応方針は${ACTION_LABEL[action]}できません。${ACTION_LABEL[action]}できるのは${allowed}の対応方針です。`);
  }
  if (action === 'return' && !comment) throw new ApiError('validation_failed', '差戻しにはコメントが必要です。', [{ path: 'comment', message: '差戻しの理由を入力してください。' }]);
  await runWrite(store, actor, (w) => planTransition(w, current, action, comment));
}

/**
 * Publishes every approved response of a meeting at once, in one batch:
 * each gets its own history step and audit entry. Returns how many.
 */
export async function publishApprovedOfMeeting(store: Store, actor: Actor | null, meetingId: number): Promise<number> {
  const approved = await store.db
    .selectFrom('responses as r')
    .innerJoin('opinions as o', 'o.id', 'r.opinion_id')
    .selectAll('r')
    .where('o.meeting_id', '=', meetingId)
    .where('r.state', '=', 'approved')
    .orderBy('o.seq')
    .execute();
  if (approved.length === 0) return 0;
  await runWrite(store, actor, async (w) => {
    for (const current of approved) await planTransition(w, current, 'publish', null);
  });
  return approved.length;
}

/** Adds one workflow step to `w`: the new state, the history step and the audit entry, guarded against a concurrent change. */
async function planTransition(w: WritePlan, current: Response, action: TransitionAction, comment: string | null): Promise<void> {
  const rule = TRANSITIONS[action];
  // The state must still be what we checked, or another step got there first.
  w.guard(
    sql`(SELECT state FROM responses WHERE id = ${current.id}) = ${current.state} AND (SELECT version FROM responses WHERE id = ${current.id}) = ${current.version}`,
    () => new ApiError('conflict', '対応方針の状態が他の操作で変わりました。画面を更新してください。'),
  );
  w.add(
    w.db
      .updateTable('responses')
      .set({
        state: rule.to,
        ...(action === 'publish' && { published_version: current.version }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', current.id),
  );
  await addEvent(w, current.id, current.version, action, current.state, rule.to, comment);
  w.audit({
    entity: 'response',
    entityId: current.id,
    opinionId: current.opinion_id,
    action,
    before: { state: current.state },
    after: { state: rule.to, comment },
  });
}

export interface ImportedResponseInput {
  /** The opinion it answers (an id reserved in the same plan). */
  opinionId: number;
  text: string;
  departmentId: number | null;
  state: ResponseState;
  /** When the document states one; otherwise read from the text. */
  commitment?: Commitment | null;
}

/**
 * Adds the responses a document gives to `w`, each at version 1 in the state
 * the document gives it (a printed report's responses are published), with
 * that version and one `import` step into the state. Rows go in bulk (see
 * `WritePlan.insertBulk`): a table of 100,000 rows is a few hundred
 * statements. The import's own audit entry covers them.
 */
export async function planImportedResponses(w: WritePlan, inputs: readonly ImportedResponseInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const [first] = await w.reserveIds('responses', inputs.length);
  const [firstVersion] = await w.reserveIds('response_versions', inputs.length);
  const [firstEvent] = await w.reserveIds('response_events', inputs.length);
  const rows = inputs.map((input, i) => {
    const derived = deriveCommitment(input.text);
    const commitment = input.commitment ?? derived;
    return { input, id: first! + i, commitment, overridden: commitment !== derived ? 1 : 0 };
  });
  w.insertBulk(
    'responses',
    ['id', 'opinion_id', 'text', 'text_key', 'department_id', 'state', 'commitment', 'commitment_overridden', 'version', 'published_version'],
    rows,
    (r) => [r.id, r.input.opinionId, r.input.text, matchKey(r.input.text), r.input.departmentId, r.input.state, r.commitment, r.overridden, 1, r.input.state === 'published' ? 1 : null],
  );
  w.insertBulk('response_versions', ['id', 'response_id', 'version', 'text', 'department_id', 'commitment'], rows, (r) => [
    firstVersion! + (r.id - first!),
    r.id,
    1,
    r.input.text,
    r.input.departmentId,
    r.commitment,
  ]);
  const actor = w.actor;
  w.insertBulk(
    'response_events',
    ['id', 'response_id', 'version', 'action', 'from_state', 'to_state', 'comment', 'actor_id', 'actor_name', 'actor_role'],
    rows,
    (r) => [firstEvent! + (r.id - first!), r.id, 1, 'import', null, r.input.state, '資料から取り込み', actor?.id ?? null, actor?.name ?? null, actor?.role ?? null],
  );
}
