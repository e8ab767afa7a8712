import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonContent } from '../../lib/schemas.js';
import { NodeTimelineSchema, OpinionTimelineSchema } from './timeline-schemas.js';

export const opinionTimelineRoute = createRoute({
  method: 'get',
  path: '/api/opinions/{id}/timeline',
  tags: ['progress'],
  summary: '意見の経過（対応方針と期間ごとの取組状況・変化）',
  request: { params: IdParams },
  responses: { 200: jsonContent(OpinionTimelineSchema, '経過'), ...errorResponses(400, 404) },
});

export const nodeTimelineRoute = createRoute({
  method: 'get',
  path: '/api/nodes/{id}/timeline',
  tags: ['progress'],
  summary: '計画のノードの経過（期間ごとの取組状況・変化）',
  request: { params: IdParams },
  responses: { 200: jsonContent(NodeTimelineSchema, '経過'), ...errorResponses(400, 404) },
});
