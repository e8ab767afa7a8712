import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { CommenterSchema, CommentReceiptSchema, DuplicateGroupListSchema, NewCommentSchema } from './schemas.js';

export const submitCommentRoute = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/comments',
  tags: ['public comments'],
  summary: 'パブリックコメントに意見を出す（募集期間中、どなたでも）',
  request: { params: IdParams, body: jsonBody(NewCommentSchema, '意見') },
  responses: {
    201: jsonContent(CommentReceiptSchema, '受け付けた意見の受付番号'),
    ...errorResponses(400, 404, 409, 413, 415, 429),
  },
});

export const getCommenterRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/commenter',
  tags: ['public comments'],
  summary: '意見の提出者（事務局）',
  request: { params: IdParams },
  responses: {
    200: jsonContent(CommenterSchema.nullable(), '提出者。意見募集フォーム以外（入力・取り込み）の意見では null'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const duplicateCandidatesRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/duplicates',
  tags: ['public comments'],
  summary: '同文・ほぼ同文の意見の候補（事務局）',
  request: { params: IdParams },
  responses: { 200: jsonContent(DuplicateGroupListSchema, '重複の候補'), ...errorResponses(400, 401, 403, 404) },
});
