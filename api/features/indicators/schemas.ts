import { z } from '@hono/zod-openapi';
import { FiscalYearInput, OptionalText, Text } from '../../lib/schemas.js';

export const IndicatorValueKindSchema = z
  .enum(['baseline', 'target', 'actual'])
  .openapi('IndicatorValueKind', { description: 'baseline 策定時実績値・現状値, target 目標値, actual 実績値', example: 'target' });

export const IndicatorValueSchema = z
  .object({
    fiscalYear: z.number().int().openapi({ example: 2027 }),
    kind: IndicatorValueKindSchema,
    value: z.number().nullable().openapi({ description: '数値。集計中・検討中・— などは null。【累計】の指標はその年度までの累計値', example: 2831 }),
    display: z.string().openapi({ description: '資料に書かれたとおりの表記', example: '2,831件' }),
  })
  .openapi('IndicatorValue', { description: '指標のある年度の値' });

export const IndicatorYearSchema = z
  .object({
    fiscalYear: z.number().int().openapi({ example: 2027 }),
    baseline: z.number().nullable(),
    target: z.number().nullable().openapi({ example: 100 }),
    actual: z.number().nullable().openapi({ example: 80 }),
    targetDisplay: z.string().nullable().openapi({ example: '100件' }),
    actualDisplay: z.string().nullable().openapi({ example: '80件' }),
    targetYear: z.number().int().nullable().openapi({
      description:
        '達成率の基準にした目標の年度。その年度に数値の目標があればその年度、なければ（検討中も含む）それ以降で最も近い数値の目標がある年度。実績がないとき、以降に目標がないときは null',
      example: 2027,
    }),
    achievement: z.number().nullable().openapi({
      description:
        '達成率（1 = 100%、1 を超えると目標以上）。targetYear の目標に対して、増やす指標は 実績 ÷ 目標（目標が0以下なら null）、減らす指標は 目標 ÷ 実績（実績0は1、目標0で実績が0より大きければ0、負の値は null）。【累計】の指標は累計値どうしで比べる。比べる値がなければ null',
      example: 0.8,
    }),
    increment: z.number().nullable().openapi({
      description: '【累計】の指標のみ: その年度の累計から前年度の累計（実績、なければ策定時の値）を引いた、その年度の増加分。それ以外は null',
      example: 1,
    }),
  })
  .openapi('IndicatorYear', { description: '年度ごとの目標・実績・達成率。目標がない年度の実績は、次に目標がある年度の目標に対する達成率' });

export const IndicatorSchema = z
  .object({
    id: z.number().int().openapi({ example: 12 }),
    nodeId: z.number().int().openapi({ example: 5 }),
    name: z.string().openapi({ example: '創業支援件数' }),
    unit: z.string().nullable().openapi({ example: '件' }),
    cumulative: z.boolean().openapi({ description: '【累計】の指標。策定時の値・目標・実績はすべてその年度までの累計値で登録する（年度ごとの増加分ではない）', example: true }),
    direction: z.enum(['increase', 'decrease']).openapi({ description: 'increase 増やす指標（達成率 = 実績 ÷ 目標）, decrease 減らす指標（達成率 = 目標 ÷ 実績）', example: 'increase' }),
    notes: z.string().nullable().openapi({ example: '関係支援機関を含めた相談受付件数' }),
    values: z.array(IndicatorValueSchema),
    years: z.array(IndicatorYearSchema),
  })
  .openapi('Indicator', { description: '指標（数値目標・KPI）' });

export const IndicatorValueInputSchema = z
  .object({
    fiscalYear: FiscalYearInput,
    kind: IndicatorValueKindSchema,
    value: z.number().finite().nullable().optional().openapi({ description: '省略すると display から読み取る', example: 2831 }),
    display: Text(100).nullable().optional().openapi({ description: '省略すると value から作る', example: '2,831件' }),
  })
  .strict()
  .refine((v) => v.value !== undefined || (v.display !== undefined && v.display !== null), {
    message: 'value か display のどちらかを指定してください。',
    path: ['value'],
  })
  .openapi('IndicatorValueInput', { description: '指標の値の登録（同じ年度・種類は置き換え）' });

export const NewIndicatorSchema = z
  .object({
    name: Text(300).openapi({ example: '創業支援件数' }),
    unit: OptionalText(30).openapi({ example: '件' }),
    cumulative: z.boolean().optional().openapi({ description: '【累計】の指標なら true。値はその年度までの累計値で登録する', example: true }),
    direction: z.enum(['increase', 'decrease']).optional().openapi({ description: '既定は increase（増やす指標）。減らす指標は decrease', example: 'increase' }),
    notes: OptionalText(2000).openapi({ example: null }),
    values: z.array(IndicatorValueInputSchema).max(200, '値は200件までです。').optional(),
  })
  .strict()
  .openapi('NewIndicator', { description: '新しい指標' });

/** `{ values: [...] }`, or one value on its own (read as a list of one, so errors name `values.0.…`). */
export const IndicatorValuesInputSchema = z
  .preprocess(
    (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) && !('values' in v) ? { values: [v] } : v),
    z.object({ values: z.array(IndicatorValueInputSchema).min(1, '値を1件以上指定してください。').max(200, '値は200件までです。') }).strict(),
  )
  .openapi('IndicatorValuesInput', {
    description: '{ values: [...] } で複数件。値1件だけをそのまま送ってもよい',
    example: { values: [{ fiscalYear: 2027, kind: 'target', display: '1,200件' }] },
  });
