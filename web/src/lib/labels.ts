/**
 * Japanese labels for the API's codes (PRODUCT.md, "Status vocabulary").
 * Kept in one place so every page says the same thing.
 */
import type { Commitment, MeetingKind, PlanKind, ProgressStatus, ResponseState } from '../api/types.js';

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

/** The service's name: header, document titles. */
export const SERVICE_NAME = '意見・対応方針 管理';
