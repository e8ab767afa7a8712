import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent } from '../../lib/schemas.js';
import { DepartmentListSchema, DepartmentSchema, NewDepartmentSchema } from './schemas.js';

export const listDepartmentsRoute = createRoute({
  method: 'get',
  path: '/api/departments',
  tags: ['departments'],
  summary: '部・課の一覧',
  responses: { 200: jsonContent(DepartmentListSchema, '部・課の一覧（部、課の順）') },
});

export const createDepartmentRoute = createRoute({
  method: 'post',
  path: '/api/departments',
  tags: ['departments'],
  summary: '部・課を登録する',
  request: { body: jsonBody(NewDepartmentSchema, '部・課') },
  responses: {
    201: jsonContent(DepartmentSchema, '登録した部・課'),
    ...errorResponses(400, 409, 413, 415),
  },
});
