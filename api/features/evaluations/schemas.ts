import { z } from '@hono/zod-openapi';
import { FiscalYearInput, OptionalText, Text } from '../../lib/schemas.js';
import { normalizeText } from '../../lib/text.js';

export const RatingSchema = z
  .preprocess((v) => (typeof v === 'string' ? normalizeText(v).trim().toUpperCase() : v), z.enum(['A', 'B', 'C', 'N']))
  .openapi('Rating', { description: 'A・B・C の評価。N は「一律に比較できない」（評価が記されていないときも N）。全角・小文字も読む', example: 'A' });

const ratings = z
  .object({
    progress: RatingSchema.openapi({ description: '進捗状況（A 計画どおり, B 概ね計画どおり, C 計画どおり進捗せず）' }),
    level: RatingSchema.openapi({ description: '実施水準（A 他市より高い, B 同水準, C 低い, N 一律に比較できない）' }),
    effectiveness: RatingSchema.openapi({ description: '有効性（A 高い, B 普通, C 低い）' }),
    efficiency: RatingSchema.openapi({ description: '効率性（A 効率的, B 改善の余地, C 抜本的な改善が必要）' }),
  })
  .strict();

const reasonText = OptionalText(5000);
const reasons = z
  .object({ progress: reasonText, level: reasonText, effectiveness: reasonText, efficiency: reasonText })
  .strict()
  .openapi({ description: '各評価の判断理由' });

const amount = z.number().finite().min(-1e12).max(1e12).nullable().optional();
const costs = z
  .object({
    projectCost: amount.openapi({ description: '事業費合計（千円）' }),
    nationalPrefecturalFunds: amount.openapi({ description: '国県支出金（千円）' }),
    localBonds: amount.openapi({ description: '地方債（千円）' }),
    otherSpecificRevenue: amount.openapi({ description: 'その他特財（千円）' }),
    generalRevenue: amount.openapi({ description: '一般財源（千円）' }),
    staffCount: amount.openapi({ description: '正規職員の人数（人）' }),
    otherStaffCount: amount.openapi({ description: 'その他の職員の人数（人）' }),
    personnelCost: amount.openapi({ description: '人件費合計（千円）' }),
    totalCost: amount.openapi({ description: 'トータルコスト（千円）' }),
    targetCount: amount.openapi({ description: '単位当たりコストの対象数' }),
    targetCountUnit: Text(20).nullable().optional().openapi({ description: '対象数の単位（人 など）' }),
    unitCostYen: amount.openapi({ description: '単位当たりコスト（円）: トータルコスト ÷ 対象数' }),
    unitCostBasis: Text(200).nullable().optional().openapi({ description: '単位当たりコストの対象（対象数の定義。市民 など）' }),
  })
  .strict()
  .openapi('EvaluationCostsInput', {
    description: '事業費・人件費など（千円。人数は人、単位当たりコストは円）。totalCost を省くと事業費合計 ＋ 人件費合計',
    example: { projectCost: 0, staffCount: 0.1, personnelCost: 857, targetCount: 101119, targetCountUnit: '人', unitCostYen: 8, unitCostBasis: '市民' },
  });

const costsView = z
  .object({
    projectCost: z.number().nullable().openapi({ description: '事業費合計 (a)（千円）', example: 0 }),
    nationalPrefecturalFunds: z.number().nullable().openapi({ description: '国県支出金（千円）', example: 0 }),
    localBonds: z.number().nullable().openapi({ description: '地方債（千円）', example: 0 }),
    otherSpecificRevenue: z.number().nullable().openapi({ description: 'その他特財（千円）', example: 0 }),
    generalRevenue: z.number().nullable().openapi({ description: '一般財源（千円）', example: 0 }),
    staffCount: z.number().nullable().openapi({ description: '正規職員の人数（人）', example: 0.1 }),
    otherStaffCount: z.number().nullable().openapi({ description: 'その他の職員の人数（人）', example: 0 }),
    personnelCost: z.number().nullable().openapi({ description: '人件費合計 (b)（千円）', example: 857 }),
    totalCost: z.number().nullable().openapi({ description: 'トータルコスト (a)+(b)（千円）', example: 857 }),
    targetCount: z.number().nullable().openapi({ description: '対象数', example: 101119 }),
    targetCountUnit: z.string().nullable().openapi({ description: '対象数の単位', example: '人' }),
    unitCostYen: z.number().nullable().openapi({ description: '単位当たりコスト（円）', example: 8 }),
    unitCostBasis: z.string().nullable().openapi({ description: '単位当たりコストの対象（対象数の定義）', example: '市民' }),
  })
  .openapi('EvaluationCosts', { description: 'シートのコスト欄。記載のない欄は null' });

const reasonsView = z
  .object({
    progress: z.string().nullable().openapi({ description: '進捗状況の判断理由' }),
    level: z.string().nullable().openapi({ description: '実施水準: 他都市の事業内容等' }),
    effectiveness: z.string().nullable().openapi({ description: '有効性の判断理由' }),
    efficiency: z.string().nullable().openapi({ description: '効率性の判断理由' }),
  })
  .openapi('EvaluationReasons', {
    description: '各評価の判断理由。記載のないものは null',
    example: { progress: '令和5年2月に協定を締結した。', level: '近隣市と概ね同水準。', effectiveness: null, efficiency: null },
  });

export const EvaluationInputSchema = z
  .object({
    fiscalYear: FiscalYearInput,
    ratings,
    reasons: reasons.default({}),
    costs: costs.default({}),
    results: OptionalText(20000).openapi({ description: '実施した取組の内容' }),
    summary: OptionalText(20000).openapi({ description: '所管部長による総評' }),
  })
  .strict()
  .openapi('EvaluationInput', {
    description: '事務事業評価。同じ年度をもう一度送ると置き換える',
    example: {
      fiscalYear: '令和4年度',
      ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' },
      reasons: { progress: '目標どおり協定を締結した。' },
      costs: { projectCost: 0, personnelCost: 857, totalCost: 857 },
      summary: '目標より多くの団体と協定を締結できた。',
    },
  });

export const EvaluationSchema = z
  .object({
    id: z.number().int(),
    nodeId: z.number().int(),
    fiscalYear: z.number().int().openapi({ example: 2022 }),
    ratings,
    reasons: reasonsView,
    costs: costsView,
    results: z.string().nullable().openapi({ description: '実施した取組の内容' }),
    summary: z.string().nullable().openapi({ description: '所管部長による総評' }),
    updatedAt: z.string(),
  })
  .openapi('Evaluation', { description: '事務事業評価（ノードと年度ごとに1件）' });

export const EvaluationListSchema = z
  .object({ items: z.array(EvaluationSchema) })
  .openapi('EvaluationList', {
    description: '年度順の事務事業評価',
    example: {
      items: [
        {
          id: 1,
          nodeId: 5,
          fiscalYear: 2022,
          ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' },
          reasons: { progress: '令和5年2月に協定を締結した。', level: null, effectiveness: null, efficiency: null },
          costs: {
            projectCost: 0,
            nationalPrefecturalFunds: 0,
            localBonds: 0,
            otherSpecificRevenue: 0,
            generalRevenue: 0,
            staffCount: 0.1,
            otherStaffCount: 0,
            personnelCost: 857,
            totalCost: 857,
            targetCount: 101119,
            targetCountUnit: '人',
            unitCostYen: 8,
            unitCostBasis: '市民',
          },
          results: null,
          summary: null,
          updatedAt: '2023-05-01T00:00:00.000Z',
        },
      ],
    },
  });
