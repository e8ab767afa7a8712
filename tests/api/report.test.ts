/** GET /api/meetings/{id}/report: the 実施結果報告書 as the city prints it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ sample: true });
});
afterAll(async () => t.close());

describe('the meeting report', () => {
  it('prints the meeting, its sections by measure, each opinion followed by its published response, for A4', async () => {
    const res = await t.api('GET', '/api/meetings/1/report');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = res.body as string;
    const meeting = (await t.api('GET', '/api/meetings/1')).body;
    const opinions = (await t.api('GET', '/api/opinions?meetingId=1&limit=200')).body.items as any[];
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain(`<h1>${meeting.title}</h1>`);
    expect(html).toContain(`【テーマ：${meeting.theme}】`);
    expect(html).toContain('令和6年度');
    const sections = new Set(opinions.map((o) => o.nodes[0].id));
    expect(html.match(/<th scope="row">重点施策名<\/th>/g)).toHaveLength(sections.size);
    expect(html.match(/<th scope="row">個別施策名<\/th>/g)).toHaveLength(sections.size);
    for (const o of opinions) {
      const at = html.indexOf(`○${o.text}`);
      expect(at, o.text).toBeGreaterThan(0);
      if (o.response.published) expect(html.indexOf(`・${o.response.published.text}`)).toBeGreaterThan(at);
      // Drafts and responses awaiting approval are not printed as the city's answer.
      else expect(html).not.toContain(o.response.text);
    }
    expect(html.match(/対応方針は作成中です/g)).toHaveLength(opinions.filter((o) => !o.response.published).length);
  });

  it('escapes what people wrote', async () => {
    const meeting = await t.api('POST', '/api/meetings', { title: '<script>x</script>', fiscalYear: 2025 });
    await t.api('POST', '/api/opinions', { meetingId: meeting.body.id, text: '<img src=x onerror=alert(1)>' });
    const html = (await t.api('GET', `/api/meetings/${meeting.body.id}/report`)).body as string;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>x</script>');
  });

  it('answers 404 for an unknown meeting and 400 for an unknown format', async () => {
    expect((await t.api('GET', '/api/meetings/999/report')).status).toBe(404);
    expect((await t.api('GET', '/api/meetings/1/report?format=pdf')).status).toBe(400);
  });
});
