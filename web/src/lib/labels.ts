/**
 * Japanese labels for the API's codes (PRODUCT.md, "Status vocabulary").
 * Kept in one place so every page says the same thing.
 */
export {
  COMMITMENT_LABELS,
  MEETING_KIND_LABELS,
  PLAN_KIND_LABELS,
  PROGRESS_STATUS_LABELS,
  PROGRESS_STATUSES,
  RESPONSE_STATE_LABELS,
  ROLE_LABELS,
  IMPORT_COUNT_LABELS,
  IMPORT_KIND_LABELS,
} from '../../../api/lib/labels.js';

/** The four ratings of a 事務事業評価シート. */
export const EVALUATION_RATING_LABELS = {
  progress: '進捗状況',
  level: '実施水準',
  effectiveness: '有効性',
  efficiency: '効率性',
} as const;

/** The service's name: header, document titles. */
export const SERVICE_NAME = '意見・対応方針 管理';
