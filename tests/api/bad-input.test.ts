/**
 * Empty, oversized, malformed and dangling inputs: each gets a 4xx in the
 * error shape, and the database is exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, snapshotDatabase, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

interface Case {
  name: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** A field the details must name. */
  path?: string;
}

const big = 'あ'.repeat(3 * 1024 * 1024);
const deep = '{"title":"x","municipality":"y","startYear":2024,"endYear":2025,"nodes":' + '[{"level":"a","title":"b","children":'.repeat(3000) + '[]' + '}]'.repeat(3000) + '}';

const cases: Case[] = [
  { name: 'empty body', method: 'POST', url: '/api/opinions', body: '', headers: { 'content-type': 'application/json' }, status: 400, code: 'validation_failed' },
  { name: 'broken JSON', method: 'POST', url: '/api/opinions', body: '{"meetingId": 1, "text": ', headers: { 'content-type': 'application/json' }, status: 400, code: 'validation_failed' },
  { name: 'JSON that is not an object', method: 'POST', url: '/api/opinions', body: '[1,2,3]', headers: { 'content-type': 'application/json' }, status: 400, code: 'validation_failed' },
  { name: 'form instead of JSON', method: 'POST', url: '/api/opinions', body: 'meetingId=1&text=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
  { name: 'plain text instead of JSON', method: 'PUT', url: '/api/opinions/1/response', body: 'text', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  { name: 'no content type', method: 'POST', url: '/api/departments', body: '{"name":"x"}', headers: {}, status: 415, code: 'unsupported_media_type' },
  { name: 'oversized body', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: big }, status: 413, code: 'payload_too_large' },
  { name: 'text too long', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: 'あ'.repeat(10001) }, status: 400, code: 'validation_failed', path: 'text' },
  { name: 'blank text', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: ' \n\t ' }, status: 400, code: 'validation_failed', path: 'text' },
  { name: 'control characters', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: 'a\u0000b' }, status: 400, code: 'validation_failed', path: 'text' },
  { name: 'broken UTF-16', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: 'a\ud800b' }, status: 400, code: 'validation_failed', path: 'text' },
  { name: 'missing meeting', method: 'POST', url: '/api/opinions', body: { meetingId: 9999, text: 'x' }, status: 400, code: 'validation_failed', path: 'meetingId' },
  { name: 'missing node', method: 'POST', url: '/api/opinions', body: { meetingId: 1, text: 'x', nodeIds: [1, 99999] }, status: 400, code: 'validation_failed', path: 'nodeIds.1' },
  { name: 'missing department', method: 'PATCH', url: '/api/opinions/1', body: { departmentId: 424242 }, status: 400, code: 'validation_failed', path: 'departmentId' },
  { name: 'id as a string', method: 'POST', url: '/api/opinions', body: { meetingId: '1', text: 'x' }, status: 400, code: 'validation_failed', path: 'meetingId' },
  { name: 'negative id', method: 'POST', url: '/api/opinions', body: { meetingId: -1, text: 'x' }, status: 400, code: 'validation_failed', path: 'meetingId' },
  { name: 'unknown field', method: 'POST', url: '/api/departments', body: { name: 'x', color: 'red' }, status: 400, code: 'validation_failed' },
  { name: 'impossible date', method: 'POST', url: '/api/meetings', body: { title: 'x', heldOn: '令和6年2月30日' }, status: 400, code: 'validation_failed', path: 'heldOn' },
  { name: 'neither year nor date', method: 'POST', url: '/api/meetings', body: { title: 'x' }, status: 400, code: 'validation_failed', path: 'fiscalYear' },
  { name: 'public comment without its period', method: 'POST', url: '/api/meetings', body: { title: 'x', kind: 'public_comment', fiscalYear: 2024 }, status: 400, code: 'validation_failed', path: 'commentOpensOn' },
  { name: 'period closing before it opens', method: 'PATCH', url: '/api/meetings/2', body: { commentClosesOn: '2023-11-01' }, status: 400, code: 'validation_failed', path: 'commentClosesOn' },
  { name: 'unknown opinion', method: 'GET', url: '/api/opinions/987654', status: 404, code: 'not_found' },
  { name: 'unknown plan', method: 'POST', url: '/api/plans/987654/nodes', body: { level: 'a', title: 'b' }, status: 404, code: 'not_found' },
  { name: 'id too large', method: 'GET', url: '/api/opinions/99999999999999999999', status: 400, code: 'validation_failed' },
  { name: 'id not a number', method: 'PATCH', url: '/api/nodes/abc', body: { title: 'x' }, status: 400, code: 'validation_failed' },
  { name: 'node under itself', method: 'PATCH', url: '/api/nodes/1', body: { parentId: 5 }, status: 400, code: 'validation_failed', path: 'parentId' },
  { name: 'parent that does not exist', method: 'POST', url: '/api/plans/1/nodes', body: { level: 'a', title: 'b', parentId: 987654 }, status: 400, code: 'validation_failed', path: 'parentId' },
  { name: 'id written in hexadecimal', method: 'GET', url: '/api/opinions/0x1', status: 400, code: 'validation_failed' },
  { name: 'id in exponent form', method: 'GET', url: '/api/opinions/1e0', status: 400, code: 'validation_failed' },
  { name: 'id with spaces', method: 'GET', url: '/api/opinions/%20%201', status: 400, code: 'validation_failed' },
  { name: 'date past the end of its era', method: 'PATCH', url: '/api/opinions/1', body: { dueOn: '平成31年5月1日' }, status: 400, code: 'validation_failed', path: 'dueOn' },
  { name: 'plan ending before it starts', method: 'POST', url: '/api/plans', body: { title: 'x', municipality: 'y', startYear: 2030, endYear: 2024 }, status: 400, code: 'validation_failed', path: 'endYear' },
  { name: 'plan tree nested absurdly deep', method: 'POST', url: '/api/plans', body: deep, headers: { 'content-type': 'application/json' }, status: 400, code: 'validation_failed' },
  { name: 'indicator value with neither number nor text', method: 'POST', url: '/api/indicators/1/values', body: { fiscalYear: 2027, kind: 'target' }, status: 400, code: 'validation_failed' },
  { name: 'infinite number', method: 'POST', url: '/api/indicators/1/values', body: '{"fiscalYear":2027,"kind":"target","value":1e999}', headers: { 'content-type': 'application/json' }, status: 400, code: 'validation_failed' },
  { name: 'unknown progress status', method: 'POST', url: '/api/opinions/1/progress', body: { period: '2025H1', status: 'great' }, status: 400, code: 'validation_failed', path: 'status' },
  { name: 'unreadable period', method: 'POST', url: '/api/nodes/1/progress', body: { period: '2025H3', status: 'done' }, status: 400, code: 'validation_failed', path: 'period' },
  { name: 'evidence link that is not http', method: 'POST', url: '/api/opinions/1/progress', body: { period: '2025', status: 'done', evidenceUrl: 'javascript:alert(1)' }, status: 400, code: 'validation_failed', path: 'evidenceUrl' },
  { name: 'rating outside A/B/C/N', method: 'POST', url: '/api/nodes/1/evaluations', body: { fiscalYear: 2022, ratings: { progress: 'S', level: 'B', effectiveness: 'A', efficiency: 'A' } }, status: 400, code: 'validation_failed', path: 'ratings.progress' },
  { name: 'unknown transition', method: 'POST', url: '/api/opinions/1/response/transitions', body: { action: 'delete' }, status: 400, code: 'validation_failed', path: 'action' },
  { name: 'publishing a published response', method: 'POST', url: '/api/opinions/1/response/transitions', body: { action: 'publish' }, status: 409, code: 'conflict' },
  { name: 'duplicate department', method: 'POST', url: '/api/departments', body: { bureau: '企画政策部', name: '企画政策課' }, status: 409, code: 'conflict' },
  { name: 'duplicate department written with a full-width space', method: 'POST', url: '/api/departments', body: { bureau: '企画政策部　', name: '企画政策課' }, status: 409, code: 'conflict' },
  { name: 'unknown API path', method: 'GET', url: '/api/nothing-here', status: 404, code: 'not_found' },
  { name: 'bad limit', method: 'GET', url: '/api/opinions?limit=100000', status: 400, code: 'validation_failed', path: 'limit' },
  { name: 'bad filter value', method: 'GET', url: '/api/opinions?status=finished', status: 400, code: 'validation_failed', path: 'status' },
  { name: 'misspelt filter', method: 'GET', url: '/api/opinions?meeting=1', status: 400, code: 'validation_failed' },
  { name: 'missing required id', method: 'POST', url: '/api/opinions', body: { text: 'x' }, status: 400, code: 'validation_failed', path: 'meetingId' },
  { name: 'publishing a draft', method: 'POST', url: '/api/opinions/5/response/transitions', body: { action: 'publish' }, status: 409, code: 'conflict' },
];

describe('bad input', () => {
  it.each(cases)('$name → $status $code, nothing written', async (c) => {
    const before = await snapshotDatabase(t.store);
    const res = await t.api(c.method, c.url, c.body, c.headers);
    expect(res.status).toBe(c.status);
    expect(res.body).toEqual({
      error: {
        code: c.code,
        message: expect.stringMatching(/[ぁ-んァ-ン一-龥]/),
        details: expect.any(Array),
      },
    });
    if (c.path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(c.path);
    // Every field message is specific: the generic "無効な入力" tells staff nothing.
    for (const d of res.body.error.details) expect(d.message).not.toMatch(/^無効な入力$/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|Error:|SQLITE|stack/);
    expect(await snapshotDatabase(t.store)).toBe(before);
  });
});
