/**
 * Japanese labels for the API's codes (PRODUCT.md, "Status vocabulary").
 * Kept in one place so every page says the same thing.
 */
import type { Commitment, ImportCounts, ImportKind, MeetingKind, PlanKind, ProgressStatus, ResponseState } from '../api/types.js';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  committee: '委員会・会議',
  public_comment: 'パブリックコメント',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  comprehensive: '総合計画',
  reform: '行財政改革計画',
  other: 'その他の計画',
};

export const RESPONSE_STATE_LABELS: Record<ResponseState, string> = {
  draft: '下書き',
  submitted: '提出済',
  returned: '差戻し',
  approved: '承認済',
  published: '公開',
};

export const COMMITMENT_LABELS: Record<Commitment, string> = {
  implement: '実施',
  continue: '継続',
  consider: '検討',
  difficult: '困難',
  explain: '説明',
};

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  done: '済',
  on_track: '概ね順調',
  delayed: '遅れ',
  not_started: '未着手',
  suspended: '休止',
};

/** The statuses in the order the 総括表 prints its columns. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['done', 'on_track', 'delayed', 'not_started', 'suspended'];

/** The kinds of document the import page offers, in the order of the select. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  meeting_report: '実施結果報告書（意見と対応方針）',
  plan: '計画',
  progress_report: '取組状況',
  evaluation_sheet: '事務事業評価シート',
  opinions_table: '意見の一覧表（CSV・Excel）',
};

/** What an import creates, in the order the result lists them. */
export const IMPORT_COUNT_LABELS: Record<keyof ImportCounts, string> = {
  meetings: '会議',
  opinions: '意見',
  responses: '対応方針',
  plans: '計画',
  nodes: '計画のノード',
  indicators: '指標',
  progress: '取組状況',
  evaluations: '事務事業評価',
};

/** The four ratings of a 事務事業評価シート. */
export const EVALUATION_RATING_LABELS = {
  progress: '進捗状況',
  level: '実施水準',
  effectiveness: '有効性',
  efficiency: '効率性',
} as const;

/** The service's name: header, document titles. */
export const SERVICE_NAME = '意見・対応方針 管理';
