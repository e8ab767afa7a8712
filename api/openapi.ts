/**
 * The one place that builds the OpenAPI 3.1 document (/api/openapi.json) and
 * the browsable reference (/api/docs, Swagger UI served from our own assets).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

type OpenAPIObjectConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0];
import type { AppEnv } from './lib/app-env.js';
import { signInRoute, signOutRoute } from './auth/auth-routes.js';

export const OPENAPI_INFO: OpenAPIObjectConfig = {
  openapi: '3.1.0',
  info: {
    title: '意見・対応方針 管理 API',
    version: '0.1.0',
    description:
      '会議やパブリックコメントで出された意見、市の対応方針、計画の施策との結び付き、期ごとの取組状況を管理する API です。' +
      'エラーはすべて `{"error":{"code","message","details"}}` の形で返ります。日付と年度は西暦・和暦のどちらでも受け付けます。' +
      '\n\nサインインは `POST /api/auth/sign-in/email`（`{email, password}`）でセッション Cookie を受け取り、`POST /api/auth/sign-out` で終了します。' +
      '役割ごとにできること: 事務局はすべて、担当課は自課が担当する意見の対応方針と取組状況の作成・提出、委員は閲覧のみ（承認済み・公開済みの対応方針まで）、' +
      'サインインしていない人（市民）は公開済みの対応方針とその意見・取組状況の閲覧と、募集中のパブリックコメントへの意見の提出ができます。' +
      'サインインが必要な操作は 401、役割にない操作は 403 を返します。',
  },
  security: [{ sessionCookie: [] }, {}],
  tags: [
    { name: 'health', description: 'サービスの状態' },
    { name: 'departments', description: '部・課' },
    { name: 'plans', description: '計画とノード（重点戦略・施策・主な取組 など）' },
    { name: 'indicators', description: '指標（数値目標・KPI）' },
    { name: 'meetings', description: '会議・パブリックコメント' },
    { name: 'opinions', description: '意見' },
    { name: 'responses', description: '対応方針（市の考え方）' },
    { name: 'progress', description: '取組状況' },
    { name: 'evaluations', description: '事務事業評価' },
    { name: 'search', description: '検索' },
    { name: 'imports', description: '資料の取り込み' },
    { name: 'users', description: 'アカウント（事務局が管理）' },
    { name: 'audit', description: '変更履歴（事務局）' },
    { name: 'public comments', description: 'パブリックコメントの受付と整理' },
  ],
};

const DOCS_HTML = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API リファレンス — 意見・対応方針 管理</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
<style>.back{display:block;max-width:1460px;margin:0 auto;padding:12px 20px;font:16px/1.6 "Noto Sans CJK JP",sans-serif;color:#0b3fc4}</style>
</head>
<body>
<a class="back" href="/">← 意見・対応方針 管理 に戻る</a>
<main id="swagger-ui"><h1>API リファレンス</h1><p>読み込んでいます…</p></main>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/vendor/swagger-ui/init.js"></script>
</body>
</html>`;

export function registerOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'iken.session_token',
    description: 'POST /api/auth/sign-in/email で受け取るセッション Cookie（本番では __Secure-iken.session_token）',
  });
  // Served by better-auth (api/auth/auth-routes.ts), described here with the rest.
  app.openAPIRegistry.registerPath(signInRoute);
  app.openAPIRegistry.registerPath(signOutRoute);
  app.doc31('/api/openapi.json', OPENAPI_INFO);
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
}
