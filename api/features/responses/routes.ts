import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { IfMatchHeaderSchema, ResponseInputSchema, ResponseSchema, ResponseVersionListSchema, TransitionSchema } from './schemas.js';

const etagHeader = { ETag: { description: '現在の版。更新時に If-Match で送り返す', schema: { type: 'string' as const, example: '"v2"' } } };

export const getResponseRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/response',
  tags: ['responses'],
  summary: '意見の現在の対応方針',
  request: { params: IdParams },
  responses: { 200: { ...jsonContent(ResponseSchema, '対応方針'), headers: etagHeader }, ...errorResponses(400, 404) },
});

export const putResponseRoute = createRoute({
  method: 'put',
  path: '/api/opinions/{id}/response',
  tags: ['responses'],
  summary: '対応方針を作成・更新する（更新は If-Match が必要）',
  request: { params: IdParams, headers: IfMatchHeaderSchema, body: jsonBody(ResponseInputSchema, '対応方針') },
  responses: {
    200: { ...jsonContent(ResponseSchema, '更新した対応方針'), headers: etagHeader },
    201: { ...jsonContent(ResponseSchema, '作成した対応方針（下書き）'), headers: etagHeader },
    ...errorResponses(400, 404, 412, 413, 415, 428),
  },
});

export const transitionResponseRoute = createRoute({
  method: 'post',
  path: '/api/opinions/{id}/response/transitions',
  tags: ['responses'],
  summary: '対応方針を提出・差戻し・承認・公開する',
  request: { params: IdParams, headers: IfMatchHeaderSchema, body: jsonBody(TransitionSchema, '操作') },
  responses: {
    200: { ...jsonContent(ResponseSchema, '操作後の対応方針'), headers: etagHeader },
    ...errorResponses(400, 404, 409, 412, 413, 415),
  },
});

export const listResponseVersionsRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/response/versions',
  tags: ['responses'],
  summary: '対応方針の履歴',
  request: { params: IdParams },
  responses: { 200: jsonContent(ResponseVersionListSchema, '版と操作の履歴'), ...errorResponses(400, 404) },
});
