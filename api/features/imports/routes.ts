import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../lib/schemas.js';
import { ImportQuerySchema, ImportResultSchema } from './schemas.js';

export const importRoute = createRoute({
  method: 'post',
  path: '/api/imports',
  tags: ['imports'],
  summary: '資料を取り込む（実施結果報告書・計画・取組状況・事務事業評価シート・意見の一覧表）',
  description:
    '本文にテキスト（text/plain、UTF-8 または Shift_JIS）を送るか、multipart/form-data の file にファイル（テキスト、CSV、Excel）を付けます。' +
    'すべて取り込むか何も取り込まないかのどちらかで、同じ資料をもう一度取り込んでも何も作成されません。',
  request: {
    query: ImportQuerySchema,
    body: {
      required: true,
      description: '資料',
      content: {
        'text/plain': { schema: { type: 'string', example: '平成30年度\nひらつか行革ミーティング\n実施結果報告書…' } },
        'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
      },
    },
  },
  responses: {
    200: jsonContent(ImportResultSchema, '取り込みの結果（dryRun では予定）'),
    ...errorResponses(400, 409, 413, 415),
  },
});
