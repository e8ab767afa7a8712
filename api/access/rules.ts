/**
 * Who may call what: the one table every request is checked against (by
 * `enforceAccess`). Reads not listed here are open to everyone, with what
 * they return narrowed by the reader's visibility; changes not listed here
 * are the secretariat's alone, so a new route is closed until it is given a
 * rule. `tests/api/role-matrix.test.ts` checks every route of the OpenAPI
 * document against this table.
 */
import type { Role } from '../../db/schema.js';

/**
 * - `public`: anyone, signed in or not.
 * - `signed_in`: any signed-in person.
 * - `roles`: the listed roles (the secretariat may always).
 * - `own_opinion` / `own_node`: the secretariat, or a department user whose
 *   department is responsible for the opinion (or the node, or the node above it) in the path.
 */
export type Requirement =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'own_opinion' }
  | { kind: 'own_node' };

const secretariat: Requirement = { kind: 'roles', roles: ['secretariat'] };
const ownOpinion: Requirement = { kind: 'own_opinion' };
const ownNode: Requirement = { kind: 'own_node' };

export interface AccessRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document: `/api/opinions/{id}/response`. */
  path: string;
  /** What the request needs; may depend on the JSON body (e.g. which workflow action). */
  require: Requirement | ((body: Record<string, unknown>) => Requirement);
  /** Why, in the words of a 403 answer. */
  reason: string;
}

export const ACCESS_RULES: readonly AccessRule[] = [
  // Reads that are not for everyone.
  { method: 'GET', path: '/api/me', require: { kind: 'signed_in' }, reason: 'サインインしている人の情報です。' },
  { method: 'GET', path: '/api/users', require: secretariat, reason: 'アカウントの管理は事務局が行います。' },
  { method: 'GET', path: '/api/audit', require: secretariat, reason: '変更履歴は事務局だけが閲覧できます。' },
  { method: 'GET', path: '/api/opinions/{id}/commenter', require: secretariat, reason: '提出者の個人情報は事務局だけが閲覧できます。' },
  { method: 'GET', path: '/api/meetings/{id}/duplicates', require: secretariat, reason: '重複意見の整理は事務局が行います。' },
  {
    method: 'GET',
    path: '/api/opinions/{id}/suggested-nodes',
    require: { kind: 'roles', roles: ['department'] },
    reason: '施策の候補は、意見を整理する職員（事務局・担当課）向けの機能です。',
  },
  {
    method: 'GET',
    path: '/api/progress/not-reported',
    require: { kind: 'roles', roles: ['department'] },
    reason: '未報告の一覧は、取組状況を報告・確認する職員（事務局・担当課）向けの機能です。',
  },
  { method: 'GET', path: '/api/notices', require: { kind: 'signed_in' }, reason: 'お知らせはサインインしている人向けです。' },
  // Signing in and out is for everyone (better-auth checks the credentials).
  { method: 'POST', path: '/api/auth/sign-in/email', require: { kind: 'public' }, reason: '' },
  { method: 'POST', path: '/api/auth/sign-out', require: { kind: 'public' }, reason: '' },
  // Changes.
  { method: 'POST', path: '/api/users', require: secretariat, reason: 'アカウントの管理は事務局が行います。' },
  { method: 'PATCH', path: '/api/users/{id}', require: secretariat, reason: 'アカウントの管理は事務局が行います。' },
  { method: 'POST', path: '/api/departments', require: secretariat, reason: '担当課の登録は事務局が行います。' },
  { method: 'POST', path: '/api/plans', require: secretariat, reason: '計画の登録は事務局が行います。' },
  { method: 'POST', path: '/api/plans/{id}/nodes', require: secretariat, reason: '計画の編集は事務局が行います。' },
  { method: 'PATCH', path: '/api/nodes/{id}', require: secretariat, reason: '計画の編集は事務局が行います。' },
  { method: 'POST', path: '/api/nodes/{id}/indicators', require: secretariat, reason: '指標の登録は事務局が行います。' },
  { method: 'POST', path: '/api/indicators/{id}/values', require: secretariat, reason: '指標の値の登録は事務局が行います。' },
  { method: 'POST', path: '/api/meetings', require: secretariat, reason: '会議の登録は事務局が行います。' },
  { method: 'PATCH', path: '/api/meetings/{id}', require: secretariat, reason: '会議の編集は事務局が行います。' },
  { method: 'POST', path: '/api/meetings/{id}/publish', require: secretariat, reason: '対応方針の公開は事務局が行います。' },
  { method: 'POST', path: '/api/meetings/{id}/comments', require: { kind: 'public' }, reason: '' },
  { method: 'POST', path: '/api/opinions', require: secretariat, reason: '意見の登録は事務局が行います。' },
  { method: 'PATCH', path: '/api/opinions/{id}', require: secretariat, reason: '意見の編集は事務局が行います。' },
  { method: 'DELETE', path: '/api/opinions/{id}', require: secretariat, reason: '意見の削除は事務局が行います。' },
  {
    method: 'PUT',
    path: '/api/opinions/{id}/response',
    require: ownOpinion,
    reason: '対応方針を書けるのは、その意見を担当する課と事務局です。',
  },
  {
    method: 'POST',
    path: '/api/opinions/{id}/response/transitions',
    // The department submits its own draft; review and publication are the secretariat's.
    require: (body) => (body.action === 'submit' ? ownOpinion : secretariat),
    reason: '対応方針の承認・差戻し・公開は事務局が行います。提出できるのは担当課と事務局です。',
  },
  { method: 'POST', path: '/api/opinions/{id}/progress', require: ownOpinion, reason: '取組状況を報告できるのは、その意見を担当する課と事務局です。' },
  { method: 'POST', path: '/api/nodes/{id}/progress', require: ownNode, reason: '取組状況を報告できるのは、その取組を担当する課と事務局です。' },
  { method: 'POST', path: '/api/nodes/{id}/evaluations', require: ownNode, reason: '事務事業評価を登録できるのは、その事業を担当する課と事務局です。' },
  { method: 'POST', path: '/api/imports', require: secretariat, reason: '資料の取り込みは事務局が行います。' },
  { method: 'POST', path: '/api/periods', require: secretariat, reason: '報告期間の受付・締切は事務局が行います。' },
  { method: 'POST', path: '/api/periods/{period}/close', require: secretariat, reason: '報告期間の受付・締切は事務局が行います。' },
  { method: 'POST', path: '/api/periods/{period}/reopen', require: secretariat, reason: '報告期間の締切の解除は事務局が行います。' },
];
