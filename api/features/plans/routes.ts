import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { NewPlanSchema, PlanDetailSchema, PlanListSchema } from './schemas.js';

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/api/plans',
  tags: ['plans'],
  summary: '計画の一覧',
  responses: { 200: jsonContent(PlanListSchema, '計画の一覧（新しい順）') },
});

export const createPlanRoute = createRoute({
  method: 'post',
  path: '/api/plans',
  tags: ['plans'],
  summary: '計画を登録する（ノードの木も一緒に登録できる）',
  request: { body: jsonBody(NewPlanSchema, '計画') },
  responses: { 201: jsonContent(PlanDetailSchema, '登録した計画'), ...errorResponses(400, 413, 415) },
});

export const getPlanRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}',
  tags: ['plans'],
  summary: '計画とノードの木（各ノードの指標つき）',
  request: { params: IdParams },
  responses: { 200: jsonContent(PlanDetailSchema, '計画'), ...errorResponses(400, 404) },
});
