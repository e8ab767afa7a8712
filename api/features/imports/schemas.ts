import { z } from '@hono/zod-openapi';

export const ImportKindSchema = z
  .enum(['meeting_report', 'plan', 'progress_report', 'evaluation_sheet', 'opinions_table'])
  .openapi('ImportKind', {
    description: 'meeting_report 実施結果報告書, plan 計画, progress_report 取組状況, evaluation_sheet 事務事業評価シート, opinions_table 意見の一覧表（CSV・Excel）',
    example: 'meeting_report',
  });

export const ImportQuerySchema = z
  .object({
    kind: ImportKindSchema.optional().openapi({ param: { name: 'kind', in: 'query' }, description: '省略すると内容から判別する' }),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .openapi({ param: { name: 'dryRun', in: 'query' }, description: 'true なら何も書き込まず、読み取った内容と作成される件数を返す' }),
  })
  .strict();

const counts = z
  .object({
    meetings: z.number().int(),
    opinions: z.number().int(),
    responses: z.number().int(),
    plans: z.number().int(),
    nodes: z.number().int(),
    indicators: z.number().int(),
    progress: z.number().int(),
    evaluations: z.number().int(),
  })
  .openapi('ImportCounts', {
    description: '作成した（dryRun では作成する）件数',
    example: { meetings: 1, opinions: 10, responses: 10, plans: 0, nodes: 0, indicators: 0, progress: 0, evaluations: 0 },
  });

export const ImportResultSchema = z
  .object({
    kind: ImportKindSchema,
    dryRun: z.boolean().openapi({ example: false }),
    alreadyImported: z.boolean().openapi({ description: '同じ資料を以前に取り込んでいる（何も作成しない）', example: false }),
    created: counts,
    ids: z
      .object({ meetingIds: z.array(z.number().int()), planIds: z.array(z.number().int()), nodeIds: z.array(z.number().int()) })
      .openapi({ description: '作成または結び付けた会議・計画・ノード（dryRun では空）', example: { meetingIds: [3], planIds: [], nodeIds: [] } }),
    warnings: z
      .array(z.object({ line: z.number().int(), message: z.string() }))
      .openapi({ description: '読み飛ばしたり推測したりしたこと（行番号つき）', example: [{ line: 28, message: '意見の記号（○）がない段落を意見として読み込みました。' }] }),
    preview: z.object({ kind: ImportKindSchema, document: z.record(z.string(), z.unknown()) }).openapi({ description: '資料から読み取った内容' }),
  })
  .openapi('ImportResult', { description: '取り込みの結果' });
