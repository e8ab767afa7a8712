import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { EvaluationInputSchema, EvaluationListSchema, EvaluationSchema } from './schemas.js';

export const listEvaluationsRoute = createRoute({
  method: 'get',
  path: '/api/nodes/{id}/evaluations',
  tags: ['evaluations'],
  summary: 'ノードの事務事業評価',
  request: { params: IdParams },
  responses: { 200: jsonContent(EvaluationListSchema, '年度順の評価'), ...errorResponses(400, 404) },
});

export const saveEvaluationRoute = createRoute({
  method: 'post',
  path: '/api/nodes/{id}/evaluations',
  tags: ['evaluations'],
  summary: '事務事業評価を登録する（同じ年度は置き換え）',
  request: { params: IdParams, body: jsonBody(EvaluationInputSchema, '評価') },
  responses: {
    200: jsonContent(EvaluationSchema, '置き換えた評価'),
    201: jsonContent(EvaluationSchema, '登録した評価'),
    ...errorResponses(400, 404, 409, 413, 415),
  },
});
