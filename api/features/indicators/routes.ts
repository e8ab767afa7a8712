import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { IndicatorSchema, IndicatorValuesInputSchema, NewIndicatorSchema } from './schemas.js';

export const createIndicatorRoute = createRoute({
  method: 'post',
  path: '/api/nodes/{id}/indicators',
  tags: ['indicators'],
  summary: 'ノードに指標を登録する',
  request: { params: IdParams, body: jsonBody(NewIndicatorSchema, '指標') },
  responses: { 201: jsonContent(IndicatorSchema, '登録した指標'), ...errorResponses(400, 404, 413, 415) },
});

export const recordIndicatorValuesRoute = createRoute({
  method: 'post',
  path: '/api/indicators/{id}/values',
  tags: ['indicators'],
  summary: '指標の値（策定時・目標・実績）を登録する',
  request: { params: IdParams, body: jsonBody(IndicatorValuesInputSchema, '値') },
  responses: { 200: jsonContent(IndicatorSchema, '値を登録した後の指標'), ...errorResponses(400, 404, 413, 415) },
});
