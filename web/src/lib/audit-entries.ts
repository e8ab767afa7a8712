/**
 * The audit log (GET /api/audit) in words: when (Japan time), who, on what,
 * which operation, and what changed, as readable before → after pairs. Pure
 * functions: iken-audit-log renders what these return.
 *
 * The API keeps each entry's `before` and `after` as the values the change
 * saw (for an update, `after` holds only the fields that were given), so a
 * field is shown when its value differs, and values are turned into the
 * labels the rest of the service uses, never into raw JSON.
 */
import type { AuditEntry, Department } from '../api/types.js';
import { codeAndTitle, formatDate, formatDepartment, formatPeriod } from './format.js';
import { COMMITMENT_LABELS, IMPORT_COUNT_LABELS, IMPORT_KIND_LABELS, PROGRESS_STATUS_LABELS, RESPONSE_STATE_LABELS, ROLE_LABELS } from './labels.js';

/** Plan nodes to name in 関連する施策 changes, by id (code and title). */
export type AuditNodeNames = ReadonlyMap<number, { code: string | null; title: string }>;

/** What an entry is about. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  opinion: '意見',
  response: '対応方針',
  progress: '取組状況',
  meeting: '会議',
  plan: '計画',
  node: '計画のノード',
  indicator: '指標',
  evaluation: '事務事業評価',
  department: '担当課',
  user: 'アカウント',
  period: '報告期間',
  import: '資料の取り込み',
};

/** The operations the API records. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '作成',
  update: '変更',
  delete: '削除',
  submit: '提出',
  return: '差戻し',
  approve: '承認',
  publish: '公開',
  import: '資料から取り込み',
  public_comment: 'パブリックコメントで受付',
  deactivate: '利用停止',
  report: '取組状況の報告',
  record_values: '値の記録',
  open: '受付開始',
  close: '締切',
  reopen: '締切の解除',
};

/** Who made the change, in words. */
export function auditActorLabel(entry: Pick<AuditEntry, 'actor' | 'action'>): string {
  const actor = entry.actor;
  if (!actor) return entry.action === 'public_comment' ? '意見募集フォーム（一般の方）' : '資料の取り込み';
  const role = actor.role && actor.role in ROLE_LABELS ? ROLE_LABELS[actor.role as keyof typeof ROLE_LABELS] : actor.role;
  const name = actor.name ?? `アカウント（ID: ${actor.id}）`;
  return role ? `${name}（${role}）` : name;
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? entity;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** One field an entry changed. `before` is null for a value set where there was none recorded. */
export interface AuditChange {
  key: string;
  label: string;
  before: string | null;
  after: string | null;
  /** A text too long (or multi-line) to show inline: shown as blocks. */
  long: boolean;
}

/** The field names, as the pages call them. */
const FIELD_LABELS: Record<string, string> = {
  text: '本文',
  comment: 'コメント',
  departmentId: '担当課',
  dueOn: '対応期限',
  nodeIds: '関連する施策',
  commitment: '対応区分',
  state: '状態',
  version: '版',
  period: '期間',
  status: '取組状況',
  note: '内容',
  evidenceUrl: '根拠資料',
  meetingId: '会議',
  seq: '番号',
  duplicateOfId: '重複元の意見',
  name: '氏名',
  email: 'メールアドレス',
  role: '役割',
  active: '利用状況',
  password: 'パスワード',
  title: '名称',
  fiscalYear: '年度',
  heldOn: '開催日',
  kind: '資料の種類',
  created: '作成',
};

/** Fields that identify or time-stamp the row rather than say anything about it. */
const HIDDEN = new Set(['id', 'opinionId', 'createdAt', 'updatedAt', 'target', 'itemId', 'textKey', 'commitmentOverridden', 'publishedVersion', 'nodes', 'department', 'response', 'latestProgress']);

/** Operations that set values where there were none: their `after` is listed as is. */
const CREATIONS = new Set(['create', 'import', 'public_comment', 'report', 'record_values']);

/** Longer than this (or with a line break), a text is shown as a block. */
const INLINE_MAX = 40;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelOf<T extends string>(labels: Record<T, string>, value: unknown): string | null {
  return typeof value === 'string' && value in labels ? labels[value as T] : null;
}

/** A value of any shape, readably: strings as written, lists and records in words. */
function plainValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'なし';
  if (typeof value === 'string') return value === '' ? '（空欄）' : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (Array.isArray(value)) return value.length ? value.map((v) => plainValue(v, depth + 1)).join('、') : 'なし';
  if (isRecord(value) && depth < 2)
    return Object.entries(value)
      .filter(([key]) => !HIDDEN.has(key))
      .map(([key, v]) => `${FIELD_LABELS[key] ?? key}：${plainValue(v, depth + 1)}`)
      .join('、');
  return '（省略）';
}

/** A field's value in the words the pages use (labels, 和暦 dates, department names). */
export function formatAuditValue(
  key: string,
  value: unknown,
  departments: ReadonlyMap<number, Department> = new Map(),
  nodes: AuditNodeNames = new Map(),
): string {
  if (value === null || value === undefined) return 'なし';
  switch (key) {
    case 'departmentId': {
      const department = typeof value === 'number' ? departments.get(value) : undefined;
      return department ? formatDepartment(department) : `担当課（ID: ${plainValue(value)}）`;
    }
    case 'state':
      return labelOf(RESPONSE_STATE_LABELS, value) ?? plainValue(value);
    case 'status':
      return labelOf(PROGRESS_STATUS_LABELS, value) ?? plainValue(value);
    case 'commitment':
      return labelOf(COMMITMENT_LABELS, value) ?? plainValue(value);
    case 'role':
      return labelOf(ROLE_LABELS, value) ?? plainValue(value);
    case 'version':
      return typeof value === 'number' ? `第${value}版` : plainValue(value);
    case 'dueOn':
    case 'heldOn':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : plainValue(value);
    case 'period':
      try {
        return typeof value === 'string' ? formatPeriod(value) : plainValue(value);
      } catch {
        return plainValue(value);
      }
    case 'kind':
      return labelOf(IMPORT_KIND_LABELS, value) ?? plainValue(value);
    case 'created': {
      // An import's counts: 「意見 250件、対応方針 250件」, leaving out what it did not create.
      if (!isRecord(value)) return plainValue(value);
      const parts = Object.entries(IMPORT_COUNT_LABELS)
        .filter(([key]) => typeof value[key] === 'number' && value[key] > 0)
        .map(([key, label]) => `${label} ${(value[key] as number).toLocaleString('ja-JP')}件`);
      return parts.length ? parts.join('、') : 'なし（すべて登録済み）';
    }
    case 'active':
      return value === true ? '利用中' : value === false ? '利用停止' : plainValue(value);
    case 'meetingId':
      return typeof value === 'number' ? `会議（ID: ${value}）` : plainValue(value);
    case 'duplicateOfId':
      return typeof value === 'number' ? `意見（ID: ${value}）` : plainValue(value);
    case 'nodeIds':
      if (!Array.isArray(value)) return plainValue(value);
      if (!value.length) return 'なし';
      return value
        .map((id) => {
          const node = typeof id === 'number' ? nodes.get(id) : undefined;
          return node ? codeAndTitle(node) : `施策（ID: ${plainValue(id)}）`;
        })
        .join('、');
    default:
      return plainValue(value);
  }
}

function isLong(...values: Array<string | null>): boolean {
  return values.some((v) => v !== null && (v.length > INLINE_MAX || v.includes('\n')));
}

/**
 * What an entry changed, field by field:
 * - creations (作成, 取り込み, 受付, 報告): each value set (empty ones left out);
 * - 削除: what the item held before;
 * - anything else (変更, workflow steps, 利用停止): each field given whose value differs from before.
 */
export function auditChanges(
  entry: Pick<AuditEntry, 'action' | 'before' | 'after'>,
  departments: ReadonlyMap<number, Department> = new Map(),
  nodes: AuditNodeNames = new Map(),
): AuditChange[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const change = (key: string, from: string | null, to: string | null): AuditChange => ({
    key,
    label: FIELD_LABELS[key] ?? key,
    before: from,
    after: to,
    long: isLong(from, to),
  });
  const shown = (key: string, value: unknown) => !HIDDEN.has(key) && value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

  if (CREATIONS.has(entry.action))
    return Object.entries(after)
      // The meeting of a new opinion is where the history is read from.
      .filter(([key, value]) => shown(key, value) && key !== 'meetingId')
      .map(([key, value]) => change(key, null, formatAuditValue(key, value, departments, nodes)));

  if (entry.action === 'delete')
    return Object.entries(before)
      .filter(([key, value]) => shown(key, value) && key !== 'meetingId')
      .map(([key, value]) => change(key, formatAuditValue(key, value, departments, nodes), null));

  const changes: AuditChange[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    const to = formatAuditValue(key, value, departments, nodes);
    if (!(key in before)) {
      // A value with nothing to compare with (a step's comment): shown when there is one.
      if (shown(key, value)) changes.push(change(key, null, to));
      continue;
    }
    const from = formatAuditValue(key, before[key], departments, nodes);
    if (from !== to) changes.push(change(key, from, to));
  }
  return changes;
}
