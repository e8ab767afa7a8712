import { z } from '@hono/zod-openapi';
import { parsePeriod } from '../../lib/japanese-date.js';
import { PeriodInput } from '../../lib/schemas.js';

export const ReportingPeriodSchema = z
  .object({
    period: z.string().openapi({ description: '期間: "2021"（年度）, "2021H1"（上半期）, "2021H2"（下半期）', example: '2025H1' }),
    label: z.string().openapi({ description: '和暦の表記', example: '令和7年度上半期' }),
    state: z.enum(['open', 'closed']).openapi({ description: 'open 受付中, closed 締切済（報告・訂正はできない）', example: 'open' }),
    openedAt: z.string().nullable().openapi({ description: '受付を始めた日時（受付を始めずに締め切った期間は null）', example: '2025-10-01T00:00:00.000Z' }),
    closedAt: z.string().nullable().openapi({ example: null }),
  })
  .openapi('ReportingPeriod', { description: '事務局が受付を始めた、または締め切った報告期間' });

export const ReportingPeriodListSchema = z
  .object({
    current: z
      .object({ period: z.string().openapi({ example: '2025H1' }), label: z.string().openapi({ example: '令和7年度上半期' }) })
      .openapi({ description: '担当課がいま報告する期間: 受付中の最新の期間。なければ直近に終わった半期' }),
    items: z.array(ReportingPeriodSchema).openapi({ description: '受付・締切の記録がある期間（古い順）' }),
  })
  .openapi('ReportingPeriodList', {
    description: '報告期間の一覧と、現在の報告期間',
    example: {
      current: { period: '2025H1', label: '令和7年度上半期' },
      items: [{ period: '2025H1', label: '令和7年度上半期', state: 'open', openedAt: '2025-10-01T00:00:00.000Z', closedAt: null }],
    },
  });

export const OpenPeriodSchema = z
  .object({ period: PeriodInput })
  .strict()
  .openapi('OpenPeriod', { description: '受付を始める期間（"2021H1"、"令和3年度上半期"、"2021" など）', example: { period: '2025H1' } });

/** `{period}` in a path: the same forms as the body accepts, percent-encoded (令和3年度上半期 → %E4%BB%A4…). */
export const PeriodParams = z.object({
  period: z
    .string()
    .max(30, '期間が長すぎます。')
    .transform((text, ctx) => {
      const period = parsePeriod(text);
      if (period === null) {
        ctx.addIssue({ code: 'custom', message: `「${text}」は期間として読み取れません（例: 2021H1、令和3年度上半期、2021）。` });
        return z.NEVER;
      }
      return period;
    })
    .openapi({ param: { name: 'period', in: 'path' }, type: 'string', description: '期間（2021H1、令和3年度上半期、2021 など。URL エンコードする）', example: '2025H1' }),
});
