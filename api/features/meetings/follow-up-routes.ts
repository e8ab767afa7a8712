import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonContent } from '../../lib/schemas.js';
import { MeetingFollowUpSchema } from './follow-up-schemas.js';

export const meetingFollowUpRoute = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/follow-up',
  tags: ['meetings'],
  summary: '会議の対応状況（委員向け: 意見ごとの約束・最新の状況・期限切れ・停滞・未報告）',
  request: { params: IdParams },
  responses: { 200: jsonContent(MeetingFollowUpSchema, '対応状況'), ...errorResponses(400, 404) },
});
