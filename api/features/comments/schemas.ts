import { z } from '@hono/zod-openapi';
import { OptionalText, Text } from '../../lib/schemas.js';

/** Longest comment accepted: a long, careful submission fits; a pasted book does not. */
export const MAX_COMMENT_CHARS = 10000;

export const NewCommentSchema = z
  .object({
    text: Text(MAX_COMMENT_CHARS).openapi({ example: '図書館の開館時間を平日の夜まで延ばしてほしい。' }),
    name: OptionalText(100).openapi({ description: '氏名（任意）', example: '平塚 太郎' }),
    email: z
      .preprocess(
        (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
        z.string().trim().max(254, '254文字以内で入力してください。').pipe(z.email('メールアドレスの形式が正しくありません。')).nullable(),
      )
      .optional()
      .openapi({ description: 'メールアドレス（任意）', example: 'taro@example.jp' }),
    address: OptionalText(300).openapi({ description: '住所（任意）', example: '平塚市浅間町' }),
    website: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: '入力しないでください（自動送信を見分けるための欄。画面には表示されない）', example: '' }),
  })
  .strict()
  .openapi('NewComment', { description: 'パブリックコメントの意見。本文以外は任意' });

export const CommentReceiptSchema = z
  .object({ receiptNumber: z.string().openapi({ description: '受付番号（問い合わせの際にお伝えください）', example: '12-0034' }) })
  .openapi('CommentReceipt', { description: '意見を受け付けたことの控え' });

export const CommenterSchema = z
  .object({
    opinionId: z.number().int().openapi({ example: 34 }),
    receiptNumber: z.string().openapi({ example: '12-0034' }),
    name: z.string().nullable().openapi({ example: '平塚 太郎' }),
    email: z.string().nullable().openapi({ example: 'taro@example.jp' }),
    address: z.string().nullable().openapi({ example: '平塚市浅間町' }),
    submittedAt: z.string().openapi({ example: '2026-11-20T01:23:45.678Z' }),
  })
  .openapi('Commenter', { description: 'パブリックコメントの提出者（個人情報。事務局のみ）' });

export const DuplicateGroupSchema = z
  .object({
    kind: z.enum(['exact', 'near']).openapi({ description: 'exact 同文, near ほぼ同文' }),
    opinionIds: z.array(z.number().int()).openapi({ description: '最初の意見の対応方針で他をまとめて回答できる', example: [30, 41, 57] }),
    seqs: z.array(z.number().int()).openapi({ example: [3, 14, 30] }),
    similarity: z.number().openapi({ description: '文面の一致度（0〜1）', example: 1 }),
  })
  .openapi('DuplicateGroup', { description: '同じ趣旨の意見のまとまり（まだ重複として整理していないもの）' });

export const DuplicateGroupListSchema = z
  .object({ groups: z.array(DuplicateGroupSchema) })
  .openapi('DuplicateGroupList', { description: '重複の候補', example: { groups: [{ kind: 'exact', opinionIds: [30, 41], seqs: [3, 14], similarity: 1 }] } });
