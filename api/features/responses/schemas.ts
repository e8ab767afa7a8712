import { z } from '@hono/zod-openapi';
import { CommitmentSchema, Id, ResponseStateSchema, Text } from '../../lib/schemas.js';

export const ResponseSchema = z
  .object({
    opinionId: z.number().int().openapi({ example: 10 }),
    text: z.string().openapi({ description: '対応方針（書かれたとおり）', example: '相談窓口を産業振興課に一本化し、令和7年度から案内を始めます。' }),
    departmentId: z.number().int().nullable().openapi({ example: 2 }),
    state: ResponseStateSchema,
    commitment: CommitmentSchema,
    commitmentOverridden: z.boolean().openapi({ description: '約束の種類を人が設定した（本文から読み取ったのではない）', example: false }),
    version: z.number().int().openapi({ description: '版。ETag は "v{版}"', example: 2 }),
    publishedVersion: z.number().int().nullable().openapi({ description: '公開中の版（未公開なら null）', example: 1 }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Response', { description: '対応方針（市の考え方）' });

export const ResponseInputSchema = z
  .object({
    text: Text(20000).openapi({ example: '相談窓口を産業振興課に一本化し、令和7年度から案内を始めます。' }),
    departmentId: Id.nullable().optional().openapi({ description: '省略すると今の担当課のまま', example: 2 }),
    commitment: CommitmentSchema.nullable().optional().openapi({
      description: '約束の種類を人が設定する。null で本文からの自動判定に戻す。省略すると前の設定のまま',
    }),
  })
  .strict()
  .openapi('ResponseInput', {
    description:
      '対応方針の保存。内容が変わると新しい版になり、状態は「下書き」に戻る（提出済・承認済でも、もう一度 提出 → 承認 → 公開 が必要）。公開中の版は新しい版が公開されるまで公開されたまま。',
  });

export const IfMatchHeaderSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: '既にある対応方針を更新するときは必須。GET で受け取った ETag', example: '"v2"' }),
});

export const TransitionSchema = z
  .object({
    action: z.enum(['submit', 'return', 'approve', 'publish']).openapi({ description: 'submit 提出, return 差戻し, approve 承認, publish 公開', example: 'approve' }),
    comment: Text(2000).nullable().optional().openapi({ description: 'コメント（差戻しでは必須）', example: null }),
  })
  .strict()
  .openapi('ResponseTransition', { description: '対応方針の状態を進める操作' });

export const ResponseEventSchema = z
  .object({
    action: z.string().openapi({ description: 'edit 保存, submit, return, approve, publish', example: 'approve' }),
    fromState: ResponseStateSchema.nullable(),
    toState: ResponseStateSchema,
    comment: z.string().nullable(),
    actor: z
      .object({ name: z.string().nullable(), role: z.string().nullable() })
      .nullable()
      .openapi({ description: '操作した人（職員にだけ表示。取り込みでは null）', example: { name: '事務局 担当', role: 'secretariat' } }),
    createdAt: z.string(),
  })
  .openapi('ResponseEvent', { description: '対応方針の操作の記録' });

export const ResponseVersionSchema = z
  .object({
    version: z.number().int().openapi({ example: 1 }),
    text: z.string(),
    departmentId: z.number().int().nullable(),
    commitment: CommitmentSchema,
    createdAt: z.string(),
    events: z.array(ResponseEventSchema),
  })
  .openapi('ResponseVersion', { description: '対応方針のある版と、その版に対する操作' });

export const ResponseVersionListSchema = z
  .object({ items: z.array(ResponseVersionSchema) })
  .openapi('ResponseVersionList', {
    description: '対応方針の履歴（古い順）',
    example: {
      items: [
        {
          version: 1,
          text: '令和7年度から実施します。',
          departmentId: 2,
          commitment: 'implement',
          createdAt: '2024-12-01T00:00:00.000Z',
          events: [{ action: 'edit', fromState: null, toState: 'draft', comment: null, actor: { name: '経営企画課 担当', role: 'department' }, createdAt: '2024-12-01T00:00:00.000Z' }],
        },
      ],
    },
  });
