/**
 * The API benchmark's reference: a bare Hono route on @hono/node-server that
 * answers `GET /api/opinions` with the bytes the service answered, held in
 * memory — no database, no validation, no sessions, no middleware. Run as
 * its own process the way the service runs (`node --import tsx`).
 *
 * BODY_FILE: the body; CONTENT_TYPE: its type; PORT: where to listen.
 */
import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = fs.readFileSync(process.env.BODY_FILE!);
const contentType = process.env.CONTENT_TYPE ?? 'application/json';
const app = new Hono();
app.get('/api/opinions', (c) => c.body(body, 200, { 'content-type': contentType }));
app.get('/api/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, () => console.log('ready'));
