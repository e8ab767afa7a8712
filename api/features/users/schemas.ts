import { z } from '@hono/zod-openapi';
import { Id, Text } from '../../lib/schemas.js';

export const RoleSchema = z
  .enum(['secretariat', 'department', 'committee'])
  .openapi('Role', { description: 'secretariat 事務局, department 担当課, committee 委員', example: 'department' });

export const UserSchema = z
  .object({
    id: z.number().int().openapi({ example: 2 }),
    email: z.string().openapi({ example: 'kikaku@city.example.jp' }),
    name: z.string().openapi({ example: '経営企画課 担当者' }),
    role: RoleSchema,
    departmentId: z.number().int().nullable().openapi({ description: '担当課の職員のとき、その課', example: 1 }),
    active: z.boolean().openapi({ description: 'false: 利用停止中（サインインできない）', example: true }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User', { description: 'サインインする人（事務局・担当課・委員）' });

export const MeSchema = z
  .object({
    id: z.number().int().openapi({ example: 2 }),
    email: z.string().openapi({ example: 'kikaku@city.example.jp' }),
    name: z.string().openapi({ example: '経営企画課 担当者' }),
    role: RoleSchema,
    departmentId: z.number().int().nullable().openapi({ example: 1 }),
  })
  .openapi('Me', { description: 'サインインしている人' });

export const UserListSchema = z.object({ items: z.array(UserSchema) }).openapi('UserList', {
  description: 'アカウントの一覧',
  example: {
    items: [
      { id: 1, email: 'jimukyoku@city.example.jp', name: '事務局', role: 'secretariat', departmentId: null, active: true, createdAt: '2026-04-01T00:00:00.000Z', updatedAt: '2026-04-01T00:00:00.000Z' },
    ],
  },
});

const Email = z
  .string()
  .trim()
  .max(254, '254文字以内で入力してください。')
  .pipe(z.email('メールアドレスの形式が正しくありません。'))
  .openapi({ example: 'kikaku@city.example.jp' });

/** Passwords: long rather than complicated (NIST SP 800-63B). */
export const Password = z
  .string()
  .min(10, 'パスワードは10文字以上にしてください。')
  .max(128, 'パスワードは128文字以内にしてください。')
  .openapi({ example: 'correct-horse-battery' });

export const NewUserSchema = z
  .object({
    email: Email,
    name: Text(100).openapi({ example: '経営企画課 担当者' }),
    role: RoleSchema,
    departmentId: Id.nullable().optional().openapi({ description: 'role が department のとき必須', example: 1 }),
    password: Password,
  })
  .strict()
  .openapi('NewUser', { description: '新しいアカウント' });

export const UserUpdateSchema = z
  .object({
    name: Text(100).optional(),
    role: RoleSchema.optional(),
    departmentId: Id.nullable().optional(),
    active: z.boolean().optional().openapi({ description: 'false で利用停止（その人のセッションはすべて終了）' }),
    password: Password.optional(),
  })
  .strict()
  .openapi('UserUpdate', { description: 'アカウントの変更（指定した項目だけ）', example: { active: false } });
