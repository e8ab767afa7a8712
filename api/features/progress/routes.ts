import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { ProgressInputSchema, ProgressListSchema, ProgressSchema } from './schemas.js';

function progressRoutes(path: string, what: string) {
  return {
    list: createRoute({
      method: 'get',
      path,
      tags: ['progress'],
      summary: `${what}の取組状況`,
      request: { params: IdParams },
      responses: { 200: jsonContent(ProgressListSchema, '期間ごとの取組状況'), ...errorResponses(400, 404) },
    }),
    create: createRoute({
      method: 'post',
      path,
      tags: ['progress'],
      summary: `${what}の取組状況を報告する`,
      request: { params: IdParams, body: jsonBody(ProgressInputSchema, '報告') },
      responses: { 201: jsonContent(ProgressSchema, 'その期間の報告'), ...errorResponses(400, 404, 409, 413, 415) },
    }),
  };
}

export const opinionProgressRoutes = progressRoutes('/api/opinions/{id}/progress', '意見（対応方針）');
export const nodeProgressRoutes = progressRoutes('/api/nodes/{id}/progress', '計画のノード');
