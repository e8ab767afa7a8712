import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent } from '../../lib/schemas.js';
import { OpenPeriodSchema, PeriodParams, ReportingPeriodListSchema, ReportingPeriodSchema } from './schemas.js';

export const listPeriodsRoute = createRoute({
  method: 'get',
  path: '/api/periods',
  tags: ['progress'],
  summary: '報告期間の一覧と現在の報告期間',
  responses: { 200: jsonContent(ReportingPeriodListSchema, '報告期間') },
});

export const openPeriodRoute = createRoute({
  method: 'post',
  path: '/api/periods',
  tags: ['progress'],
  summary: '報告期間の受付を始める',
  request: { body: jsonBody(OpenPeriodSchema, '受付を始める期間') },
  responses: { 201: jsonContent(ReportingPeriodSchema, '受付中になった期間'), ...errorResponses(400, 409, 413, 415) },
});

export const closePeriodRoute = createRoute({
  method: 'post',
  path: '/api/periods/{period}/close',
  tags: ['progress'],
  summary: '報告期間を締め切る（年度を締め切ると、その上半期・下半期も締め切られる）',
  request: { params: PeriodParams },
  responses: { 200: jsonContent(ReportingPeriodSchema, '締め切った期間'), ...errorResponses(400, 409) },
});

export const reopenPeriodRoute = createRoute({
  method: 'post',
  path: '/api/periods/{period}/reopen',
  tags: ['progress'],
  summary: '締め切った報告期間を再び受付中にする',
  request: { params: PeriodParams },
  responses: { 200: jsonContent(ReportingPeriodSchema, '受付中に戻した期間'), ...errorResponses(400, 409) },
});
