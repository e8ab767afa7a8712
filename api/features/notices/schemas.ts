import { z } from '@hono/zod-openapi';

const NoticeKindSchema = z
  .enum(['overdue', 'returned', 'due_soon', 'assigned', 'not_reported', 'review'])
  .openapi('NoticeKind', {
    description:
      'overdue 対応期限切れ, returned 対応方針の差戻し, due_soon 対応期限まで30日以内, assigned 担当になった意見（対応方針が未作成）, not_reported 今期の取組状況が未報告, review 提出された対応方針の確認（事務局）',
    example: 'returned',
  });

export const NoticeSchema = z
  .object({
    kind: NoticeKindSchema,
    opinionId: z.number().int().nullable().openapi({ example: 12 }),
    nodeId: z.number().int().nullable().openapi({ example: null }),
    title: z.string().openapi({ description: '意見は本文の先頭80文字、取組は番号と名前', example: '子育て世帯への支援を拡充してほしい。' }),
    message: z.string().openapi({ example: '第1回審議会の意見（No.3）の対応方針が差し戻されました。内容を見直して、再度提出してください。' }),
    date: z
      .string()
      .nullable()
      .openapi({ description: '関係する日付: 対応期限（overdue, due_soon, assigned）、差戻し・提出の日（returned, review）', example: '2026-11-20' }),
  })
  .openapi('Notice', { description: 'お知らせの1件' });

const count = (example: number) => z.number().int().openapi({ example });

export const NoticesSchema = z
  .object({
    items: z.array(NoticeSchema).openapi({ description: '急ぐものから: 期限切れ、差戻し、期限間近、新しい担当、未報告、確認待ち' }),
    counts: z
      .object({
        overdue: count(0),
        returned: count(1),
        due_soon: count(0),
        assigned: count(0),
        not_reported: count(0),
        review: count(0),
      })
      .openapi({ description: '種類ごとの件数。事務局の not_reported は未報告の項目の数' }),
  })
  .openapi('Notices', {
    description: 'サインインしている人へのお知らせ。担当課には自分の課の分、事務局には確認待ちと未報告の件数、委員には空の一覧',
    example: {
      items: [
        {
          kind: 'returned',
          opinionId: 12,
          nodeId: null,
          title: '子育て世帯への支援を拡充してほしい。',
          message: '第1回審議会の意見（No.3）の対応方針が差し戻されました。内容を見直して、再度提出してください。',
          date: '2026-11-20',
        },
      ],
      counts: { overdue: 0, returned: 1, due_soon: 0, assigned: 0, not_reported: 0, review: 0 },
    },
  });
