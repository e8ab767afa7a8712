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

/**
 * What each rating of a 事務事業評価シート means, per item, as the sheet's
 * choices print them. N is 一律に比較できない（実施水準）; on the other items
 * the API gives N when the sheet marks none.
 */
export const EVALUATION_RATING_MEANINGS = {
  progress: { A: '計画どおり', B: '概ね計画どおり', C: '計画どおり進捗せず', N: '評価なし' },
  level: { A: '他市より高い水準で実施', B: '他市と同水準で実施', C: '他市より低い水準で実施', N: '一律に比較できない事業' },
  effectiveness: { A: '高い', B: '普通', C: '低い', N: '評価なし' },
  efficiency: { A: '効率的に実施されている', B: '改善の余地がある', C: '抜本的な改善が必要である', N: '評価なし' },
} as const;

/** The heading of each rating's reason column, as the sheet prints it. */
export const EVALUATION_REASON_LABELS = {
  progress: '判断理由',
  level: '他都市の事業内容等',
  effectiveness: '判断理由',
  efficiency: '判断理由',
} as const;
