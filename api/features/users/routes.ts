import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParams, jsonBody, jsonContent } from '../../lib/schemas.js';
import { MeSchema, NewUserSchema, UserListSchema, UserSchema, UserUpdateSchema } from './schemas.js';

export const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['users'],
  summary: 'サインインしている人',
  responses: { 200: jsonContent(MeSchema, 'サインインしている人'), ...errorResponses(401) },
});

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'アカウントの一覧（事務局）',
  responses: { 200: jsonContent(UserListSchema, 'アカウントの一覧'), ...errorResponses(401, 403) },
});

export const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'アカウントを作成する（事務局）',
  request: { body: jsonBody(NewUserSchema, 'アカウント') },
  responses: { 201: jsonContent(UserSchema, '作成したアカウント'), ...errorResponses(400, 401, 403, 409, 413, 415) },
});

export const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'アカウントを変更する・利用停止にする（事務局）',
  request: { params: IdParams, body: jsonBody(UserUpdateSchema, '変更する項目') },
  responses: { 200: jsonContent(UserSchema, '変更後のアカウント'), ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
});
