import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { NewNodeSchema, NodeDetailSchema, NodeUpdateSchema } from './schemas.js';

export const createNodeRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/nodes',
  tags: ['plans'],
  summary: '計画にノードを追加する',
  request: { params: IdParams, body: jsonBody(NewNodeSchema, 'ノード') },
  responses: { 201: jsonContent(NodeDetailSchema, '追加したノード'), ...errorResponses(400, 404, 413, 415) },
});

export const getNodeRoute = createRoute({
  method: 'get',
  path: '/api/nodes/{id}',
  tags: ['plans'],
  summary: 'ノードと、その子ノード・指標・意見',
  request: { params: IdParams },
  responses: { 200: jsonContent(NodeDetailSchema, 'ノード'), ...errorResponses(400, 404) },
});

export const updateNodeRoute = createRoute({
  method: 'patch',
  path: '/api/nodes/{id}',
  tags: ['plans'],
  summary: 'ノードを変更する',
  request: { params: IdParams, body: jsonBody(NodeUpdateSchema, '変更する項目') },
  responses: { 200: jsonContent(NodeDetailSchema, '変更後のノード'), ...errorResponses(400, 404, 413, 415) },
});
