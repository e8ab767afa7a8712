import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { NewOpinionSchema, OpinionListQuerySchema, OpinionPageSchema, OpinionSchema, OpinionUpdateSchema } from './schemas.js';

export const listOpinionsRoute = createRoute({
  method: 'get',
  path: '/api/opinions',
  tags: ['opinions'],
  summary: '意見の一覧（絞り込み・カーソルでのページ送り）',
  request: { query: OpinionListQuerySchema },
  responses: { 200: jsonContent(OpinionPageSchema, '意見の一覧（登録順）'), ...errorResponses(400) },
});

export const createOpinionRoute = createRoute({
  method: 'post',
  path: '/api/opinions',
  tags: ['opinions'],
  summary: '意見を登録する',
  request: { body: jsonBody(NewOpinionSchema, '意見') },
  responses: { 201: jsonContent(OpinionSchema, '登録した意見'), ...errorResponses(400, 409, 413, 415) },
});

export const getOpinionRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}',
  tags: ['opinions'],
  summary: '意見',
  request: { params: IdParams },
  responses: { 200: jsonContent(OpinionSchema, '意見'), ...errorResponses(400, 404) },
});

export const updateOpinionRoute = createRoute({
  method: 'patch',
  path: '/api/opinions/{id}',
  tags: ['opinions'],
  summary: '意見を変更する',
  request: { params: IdParams, body: jsonBody(OpinionUpdateSchema, '変更する項目') },
  responses: { 200: jsonContent(OpinionSchema, '変更後の意見'), ...errorResponses(400, 404, 409, 413, 415) },
});

export const deleteOpinionRoute = createRoute({
  method: 'delete',
  path: '/api/opinions/{id}',
  tags: ['opinions'],
  summary: '意見を削除する（対応方針・取組状況も削除。監査記録には残る）',
  request: { params: IdParams },
  responses: { 204: { description: '削除した' }, ...errorResponses(400, 404) },
});

