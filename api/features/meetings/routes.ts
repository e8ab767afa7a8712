import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { PublishResultSchema, ReportQuerySchema, MeetingListQuerySchema, MeetingListSchema, MeetingSchema, MeetingUpdateSchema, NewMeetingSchema } from './schemas.js';

export const listMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/meetings',
  tags: ['meetings'],
  summary: '会議の一覧',
  request: { query: MeetingListQuerySchema },
  responses: { 200: jsonContent(MeetingListSchema, '会議の一覧'), ...errorResponses(400) },
});

export const createMeetingRoute = createRoute({
  method: 'post',
  path: '/api/meetings',
  tags: ['meetings'],
  summary: '会議を登録する',
  request: { body: jsonBody(NewMeetingSchema, '会議') },
  responses: { 201: jsonContent(MeetingSchema, '登録した会議'), ...errorResponses(400, 413, 415) },
});

export const getMeetingRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}',
  tags: ['meetings'],
  summary: '会議',
  request: { params: IdParams },
  responses: { 200: jsonContent(MeetingSchema, '会議'), ...errorResponses(400, 404) },
});

export const updateMeetingRoute = createRoute({
  method: 'patch',
  path: '/api/meetings/{id}',
  tags: ['meetings'],
  summary: '会議を変更する',
  request: { params: IdParams, body: jsonBody(MeetingUpdateSchema, '変更する項目') },
  responses: { 200: jsonContent(MeetingSchema, '変更後の会議'), ...errorResponses(400, 404, 413, 415) },
});

export const publishMeetingRoute = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/publish',
  tags: ['meetings'],
  summary: '会議の承認済みの対応方針をまとめて公開する（事務局）',
  request: { params: IdParams },
  responses: {
    200: jsonContent(PublishResultSchema, '公開した数'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const meetingReportRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/report',
  tags: ['meetings'],
  summary: '実施結果報告書（HTML・CSV・Excel）',
  request: { params: IdParams, query: ReportQuerySchema },
  responses: {
    200: {
      description: 'html: 公開した対応方針の報告書（A4 印刷用）。csv / xlsx: 意見ごとに1行（現在の対応方針と状態つき。取り込みにそのまま使える）',
      content: {
        'text/html': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...errorResponses(400, 404),
  },
});
