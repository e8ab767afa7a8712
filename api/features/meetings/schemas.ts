import { z } from '@hono/zod-openapi';
import { FiscalYearInput, OptionalDate, OptionalText, Text } from '../../lib/schemas.js';

export const MeetingKindSchema = z
  .enum(['committee', 'public_comment'])
  .openapi('MeetingKind', { description: 'committee 委員会・会議, public_comment パブリックコメント', example: 'committee' });

export const MeetingSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    title: z.string().openapi({ example: '令和6年度 行革ミーティング 実施結果報告書' }),
    body: z.string().nullable().openapi({ description: '開催主体', example: '平塚市行政改革推進委員会・平塚市' }),
    kind: MeetingKindSchema,
    fiscalYear: z.number().int().openapi({ example: 2024 }),
    heldOn: z.string().nullable().openapi({ description: '開催日（ISO）', example: '2024-11-15' }),
    theme: z.string().nullable().openapi({ example: '総合計画の推進' }),
    commentOpensOn: z.string().nullable().openapi({ description: '意見募集の開始日（パブリックコメント）', example: null }),
    commentClosesOn: z.string().nullable().openapi({ description: '意見募集の締切日（パブリックコメント）', example: null }),
    opinionCount: z.number().int().openapi({ description: '意見の数（見る人に公開されている意見だけを数える）', example: 10 }),
  })
  .openapi('Meeting', { description: '会議またはパブリックコメント' });

export const MeetingListSchema = z.object({ items: z.array(MeetingSchema) }).openapi('MeetingList', {
  description: '会議の一覧（新しい年度順）',
  example: { items: [{ id: 1, title: '令和6年度 行革ミーティング 実施結果報告書', body: '平塚市行政改革推進委員会・平塚市', kind: 'committee', fiscalYear: 2024, heldOn: '2024-11-15', theme: '総合計画の推進', commentOpensOn: null, commentClosesOn: null, opinionCount: 10 }] },
});

export const MeetingListQuerySchema = z.object({
  kind: MeetingKindSchema.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  fiscalYear: FiscalYearInput.optional().openapi({ param: { name: 'fiscalYear', in: 'query' }, example: 2024 }),
}).strict();

const meetingInputFields = {
  title: Text(300).openapi({ example: '令和6年度 行革ミーティング 実施結果報告書' }),
  body: OptionalText(300).openapi({ example: '平塚市行政改革推進委員会・平塚市' }),
  kind: MeetingKindSchema,
  fiscalYear: FiscalYearInput.optional().openapi({ description: '省略すると開催日の年度', example: '令和6年度' }),
  heldOn: OptionalDate().openapi({ example: '令和6年11月15日' }),
  theme: OptionalText(300).openapi({ example: '総合計画の推進' }),
  commentOpensOn: OptionalDate(),
  commentClosesOn: OptionalDate(),
};

export const NewMeetingSchema = z
  .object({ ...meetingInputFields, kind: MeetingKindSchema.default('committee') })
  .strict()
  .openapi('NewMeeting', { description: '新しい会議。年度か開催日のどちらかは必要。' });

export const MeetingUpdateSchema = z
  .object({
    ...meetingInputFields,
    title: meetingInputFields.title.optional(),
    kind: MeetingKindSchema.optional(),
  })
  .strict()
  .openapi('MeetingUpdate', { description: '会議の変更（指定した項目だけ）', example: { theme: '行財政改革の推進' } });

export const PublishResultSchema = z
  .object({ published: z.number().int().openapi({ description: '今回公開した対応方針の数', example: 8 }) })
  .openapi('PublishResult', { description: 'まとめて公開した結果' });

export const ReportQuerySchema = z
  .object({
    format: z
      .enum(['html', 'csv', 'xlsx'])
      .default('html')
      .openapi({ param: { name: 'format', in: 'query' }, description: 'html（印刷用、既定）, csv（UTF-8 BOM 付き）, xlsx' }),
  })
  .strict();
