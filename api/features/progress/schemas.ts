import { z } from '@hono/zod-openapi';
import { OptionalText, PeriodInput, ProgressStatusSchema } from '../../lib/schemas.js';

const revisionFields = {
  id: z.number().int().openapi({ example: 7 }),
  status: ProgressStatusSchema,
  note: z.string().nullable().openapi({ example: '関係課と協議し、実施要領の案を作成した。' }),
  evidenceUrl: z.string().nullable().openapi({ description: '根拠資料へのリンク', example: null }),
  createdAt: z.string(),
};

export const ProgressRevisionSchema = z.object(revisionFields).openapi('ProgressRevision', { description: '訂正される前の報告' });

export const ProgressSchema = z
  .object({
    ...revisionFields,
    period: z.string().openapi({ description: '期間: "2021"（年度）, "2021H1"（上半期）, "2021H2"（下半期）', example: '2025H1' }),
    fiscalYear: z.number().int().openapi({ example: 2025 }),
    history: z.array(ProgressRevisionSchema).openapi({ description: '同じ期間の以前の報告（新しい順）' }),
  })
  .openapi('Progress', { description: 'ある期間の取組状況' });

export const ProgressListSchema = z
  .object({ items: z.array(ProgressSchema) })
  .openapi('ProgressList', {
    description: '期間ごとの取組状況（古い期間から）',
    example: { items: [{ id: 7, period: '2025H1', fiscalYear: 2025, status: 'on_track', note: '関係課と協議し、実施要領の案を作成した。', evidenceUrl: null, createdAt: '2025-10-01T00:00:00.000Z', history: [] }] },
  });

export const ProgressInputSchema = z
  .object({
    period: PeriodInput,
    status: ProgressStatusSchema,
    note: OptionalText(5000).openapi({ example: '関係課と協議し、実施要領の案を作成した。' }),
    evidenceUrl: z
      .union([z.url({ protocol: /^https?$/, error: 'http または https の URL を指定してください。' }).max(2000), z.null()])
      .optional()
      .openapi({ description: '根拠資料へのリンク（http/https）', example: null }),
  })
  .strict()
  .openapi('ProgressInput', { description: '取組状況の報告。同じ期間に再度報告すると訂正になり、前の報告は履歴に残る' });
