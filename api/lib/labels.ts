/**
 * The Japanese label of every code the API uses (PRODUCT.md, "Status
 * vocabulary"), in one place for the API, the importers, the command line and
 * the web page, so every surface says the same thing. Plain data: safe to
 * bundle for the browser.
 */
import type { Commitment, MeetingKind, PlanKind, ProgressStatus, ResponseState, Role } from '../../db/schema.js';
import type { CreatedCounts } from '../../seeds/importers/import-context.js';
import type { ImportKind } from '../../seeds/importers/types.js';

/** The statuses in the order the 総括表 prints its columns. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['done', 'on_track', 'delayed', 'not_started', 'suspended'];

export const PROGRESS_STATUS_LABELS = { done: '済', on_track: '概ね順調', delayed: '遅れ', not_started: '未着手', suspended: '休止' } as const satisfies Record<
  ProgressStatus,
  string
>;
export const COMMITMENT_LABELS = { implement: '実施', continue: '継続', consider: '検討', difficult: '困難', explain: '説明' } as const satisfies Record<
  Commitment,
  string
>;
export const RESPONSE_STATE_LABELS = {
  draft: '下書き',
  submitted: '提出済',
  returned: '差戻し',
  approved: '承認済',
  published: '公開',
} as const satisfies Record<ResponseState, string>;

export const ROLE_LABELS = {
  secretariat: '事務局',
  department: '担当課',
  committee: '委員',
} as const satisfies Record<Role, string>;

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  committee: '委員会・会議',
  public_comment: 'パブリックコメント',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  comprehensive: '総合計画',
  reform: '行財政改革計画',
  other: 'その他の計画',
};

/** The kinds of document the importers read, in the order they are offered. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  meeting_report: '実施結果報告書（意見と対応方針）',
  plan: '計画',
  progress_report: '取組状況',
  evaluation_sheet: '事務事業評価シート',
  opinions_table: '意見の一覧表（CSV・Excel）',
};

/** What an import creates, in the order results list them. */
export const IMPORT_COUNT_LABELS: Record<keyof CreatedCounts, string> = {
  meetings: '会議',
  opinions: '意見',
  responses: '対応方針',
  plans: '計画',
  nodes: '計画のノード',
  indicators: '指標',
  progress: '取組状況',
  evaluations: '事務事業評価',
};

/**
 * The code a text names, given either as the code itself or as its Japanese
 * label (概ね順調 → on_track); undefined when it names none. The text is
 * expected in NFKC form.
 */
export function codeOf<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) if (text === code || text === label) return code;
  return undefined;
}
