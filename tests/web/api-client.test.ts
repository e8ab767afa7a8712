/**
 * The web API client with a fake fetch: what it sends for an import (text as
 * text/plain in UTF-8, a file as multipart `file`, dryRun and kind in the
 * query), the URLs of the download links, and the errors it raises.
 */
import { describe, expect, test } from 'vitest';
import { ApiClient, ApiError } from '../../web/src/api/api-client.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: () => Response): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { fetch: fn, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const RESULT = { kind: 'opinions_table', dryRun: true, alreadyImported: false, created: {}, ids: { meetingIds: [], planIds: [], nodeIds: [] }, warnings: [], preview: { kind: 'opinions_table', document: { meetings: [] } } };

describe('importDocument', () => {
  test('pasted text goes as text/plain in UTF-8, with dryRun=true and the kind when chosen', async () => {
    const { fetch, calls } = fakeFetch(() => json(RESULT));
    const api = new ApiClient('/api', fetch);
    await api.importDocument({ text: '会議,意見\n' }, { dryRun: true, kind: 'opinions_table' });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe('/api/imports?kind=opinions_table&dryRun=true');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(init.body).toBe('会議,意見\n');
  });

  test('a file goes as multipart/form-data in the field `file`; without dryRun or kind the query is empty', async () => {
    const { fetch, calls } = fakeFetch(() => json(RESULT));
    const api = new ApiClient('/api', fetch);
    const file = new File(['a,b,c'], 'iken.csv', { type: 'text/csv' });
    await api.importDocument({ file }, { dryRun: false });
    const { url, init } = calls[0]!;
    expect(url).toBe('/api/imports');
    // The browser writes the multipart type with its boundary itself.
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(init.body).toBeInstanceOf(FormData);
    const sent = (init.body as FormData).get('file') as File;
    expect(sent.name).toBe('iken.csv');
    expect(await sent.text()).toBe('a,b,c');
  });

  test("a refusal becomes an ApiError with the API's message, code and details", async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: { code: 'validation_failed', message: '計画として読み取れませんでした。', details: [{ path: 'line 3', message: '見出しがありません。' }, { bad: true }] } }, 400),
    );
    const api = new ApiClient('/api', fetch);
    const error = await api.importDocument({ text: 'x' }, { dryRun: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: '計画として読み取れませんでした。' });
    expect((error as ApiError).details).toEqual([{ path: 'line 3', message: '見出しがありません。' }]);
  });

  test('a 413 without a JSON body still says, in Japanese, that the document is too large', async () => {
    const { fetch } = fakeFetch(() => new Response('too large', { status: 413 }));
    const error = await new ApiClient('/api', fetch).importDocument({ text: 'x' }, { dryRun: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', message: '資料が大きすぎるため、受け付けられませんでした。' });
  });

  test('an unreachable server is a network ApiError', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const error = await new ApiClient('/api', fetch).importDocument({ text: 'x' }, { dryRun: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });
});

describe('GET and link URLs', () => {
  test('GET is unchanged: Accept JSON, query without undefined values', async () => {
    const { fetch, calls } = fakeFetch(() => json({ items: [] }));
    const api = new ApiClient('/api/', fetch);
    await api.get('/opinions', { meetingId: 3, cursor: undefined });
    expect(calls[0]!.url).toBe('/api/opinions?meetingId=3');
    expect(calls[0]!.init.method).toBe('GET');
    expect((calls[0]!.init.headers as Record<string, string>).Accept).toBe('application/json');
  });

  test('progress summary, its downloads, and the meeting report', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const api = new ApiClient('/api', fetch);
    await api.getProgressSummary({ planId: 2 });
    await api.getProgressSummary({ planId: 2, period: '2021H1' });
    expect(calls.map((c) => c.url)).toEqual(['/api/progress/summary?planId=2', '/api/progress/summary?planId=2&period=2021H1']);
    expect(api.progressSummaryUrl({ planId: 2, period: '2021H1' }, 'csv')).toBe('/api/progress/summary?planId=2&period=2021H1&format=csv');
    expect(api.progressSummaryUrl({ planId: 2, period: null }, 'xlsx')).toBe('/api/progress/summary?planId=2&format=xlsx');
    expect(api.meetingReportUrl(7)).toBe('/api/meetings/7/report');
    expect(api.meetingReportUrl(7, 'csv')).toBe('/api/meetings/7/report?format=csv');
    expect(api.meetingReportUrl(7, 'xlsx')).toBe('/api/meetings/7/report?format=xlsx');
  });
});
