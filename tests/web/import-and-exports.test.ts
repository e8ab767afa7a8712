/**
 * The 資料の取り込み page, the meeting page's 出力 links and the plan page's
 * 取組状況の総括, against the real server and its sample data, in Chromium at
 * a desktop and a phone width: what they show (compared with what the API
 * returns), accessibility (axe-core), no errors, no horizontal scrolling.
 * Imports are the secretariat's: the import page is opened signed in as the
 * secretariat, and documents sent straight to the API carry its session.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportResult, Meeting, MeetingList, PlanDetail, PlanList, ProgressSummary } from '../../web/src/api/types.js';
import { formatPeriod } from '../../api/lib/japanese-date.js';
import { groupCaption, onTrackPercent } from '../../api/lib/status-table.js';
import { summaryDifferences } from '../../web/src/lib/progress-summary.js';
import { WIDTHS, deepActiveElement, launchBrowser, maybeScreenshot, maybeScreenshotElement, type OpenedPage } from './support/browser.js';
import { expectHealthyPage, waitForHeading, withOpenedPage } from './support/pages.js';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './support/server.js';

const OPINIONS_TABLE_HEADER = '会議,年度,開催日,番号,計画,施策コード,施策名,意見,対応方針,対応区分,担当課,対応期限,状態';
const STATUS_COLUMNS = ['済', '概ね順調', '遅れ', '未着手', '休止', '合計'];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

let server: TestServer;
let browser: Browser;
let committee: Meeting;
let plan: PlanDetail;
/** The secretariat's session: imports and new plans are the secretariat's (POST /api/imports, /api/plans). */
let adminCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  adminCookie = await server.sessionCookie(ADMIN_EMAIL);
  browser = await launchBrowser();
  const meetings = (await server.getJson<MeetingList>('/api/meetings')).items;
  committee = meetings.find((m) => m.kind === 'committee')!;
  const plans = (await server.getJson<PlanList>('/api/plans')).items;
  plan = await server.getJson<PlanDetail>(`/api/plans/${plans[0]!.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page and the paths of the API answers of 401 it received. */
type RecordedPage = OpenedPage & { unauthorized: string[] };

/**
 * Opens `path` at `width` as the public, or, with `asAdmin`, signed in as
 * the secretariat (the import page is theirs). Records which API paths
 * answered 401.
 */
function withPage(
  path: string,
  width: number,
  check: (opened: RecordedPage) => Promise<void>,
  prepare?: (context: BrowserContext) => Promise<unknown>,
  asAdmin = false,
): Promise<void> {
  const unauthorized: string[] = [];
  return withOpenedPage(
    browser,
    server.baseUrl + path,
    width,
    (opened) => check(Object.assign(opened, { unauthorized })),
    async (context) => {
      context.on('response', (response) => {
        if (response.status() === 401) unauthorized.push(new URL(response.url()).pathname);
      });
      if (asAdmin) await server.signInContext(context, ADMIN_EMAIL);
      await prepare?.(context);
    },
  );
}

/** The same, signed in as the secretariat. */
function withAdminPage(
  path: string,
  width: number,
  check: (opened: RecordedPage) => Promise<void>,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<void> {
  return withPage(path, width, check, prepare, true);
}

/**
 * The page's problems without the browser's console line for the public's
 * GET /api/me, which answers 401 when nobody is signed in (that is how the
 * shell learns it). Only lines an actual 401 from /api/me explains are removed.
 */
function publicView(opened: RecordedPage): OpenedPage {
  const problems = [...opened.problems];
  for (const path of opened.unauthorized) {
    if (path !== '/api/me') continue;
    const at = problems.findIndex((p) => p.includes('the server responded with a status of 401'));
    if (at >= 0) problems.splice(at, 1);
  }
  return { ...opened, problems };
}

/** Headers for a request the secretariat makes. */
function asAdmin(headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, cookie: adminCookie };
}

/** A small opinions table in the exporter's columns: two opinions of one meeting. */
function opinionsTableCsv(meetingTitle: string): { csv: string; opinions: string[]; responses: string[] } {
  const opinions = ['駅前の駐輪場が朝は満車になるので、台数を増やしてほしい。', '公民館の予約を、窓口に行かずにインターネットでできるようにしてほしい。'];
  const responses = ['利用状況を調べ、増設できる場所を検討します。', '令和8年度から予約システムを導入します。'];
  const csv = [
    OPINIONS_TABLE_HEADER,
    `${meetingTitle},令和7年度,令和7年10月3日,1,,,,${opinions[0]},${responses[0]},検討,都市整備部 交通政策課,令和8年3月31日,公開`,
    `${meetingTitle},令和7年度,令和7年10月3日,2,,,,${opinions[1]},${responses[1]},実施,市民部 地域活動課,,下書き`,
  ].join('\n');
  return { csv, opinions, responses };
}

/** The import page's POSTs, as the browser sent them. */
function recordImportRequests(page: Page): Array<{ url: URL; contentType: string }> {
  const requests: Array<{ url: URL; contentType: string }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/imports'))
      requests.push({ url: new URL(request.url()), contentType: request.headers()['content-type'] ?? '' });
  });
  return requests;
}

/** POST /api/imports?dryRun=true with a file, as a multipart form; the answer's JSON. */
async function postFile(bytes: Uint8Array, name: string, dryRun = true): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), name);
  const response = await fetch(`${server.baseUrl}/api/imports${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', headers: asAdmin(), body: form });
  return { status: response.status, body: await response.json() };
}

/** The rendered text of an element's shadow root (innerText of a host leaves it out). */
function shadowText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => [...(el.shadowRoot?.children ?? [])].map((c) => (c as HTMLElement).innerText ?? '').join('\n'));
}

/** Console errors other than the browser's own line for an API answer the test expects to fail. */
function unexpectedProblems(problems: string[], status: number): string[] {
  return problems.filter((p) => !p.includes(`Failed to load resource: the server responded with a status of ${status}`));
}

async function importPage(page: Page): Promise<void> {
  await waitForHeading(page, '資料の取り込み');
}

/** The texts of the 作成される（した）もの list. */
function counts(page: Page): Promise<string[]> {
  return page.locator('iken-import-page .counts li').allInnerTexts();
}

/** The cells of the 総括表's 合計 row, as numbers (the row header left out). */
async function totalsRow(page: Page): Promise<number[]> {
  const cells = await page.locator('iken-progress-summary tfoot tr td').allInnerTexts();
  return cells.map((c) => Number(c.trim()));
}

function totalsOf(summary: ProgressSummary): number[] {
  const t = summary.totals;
  return [t.done, t.on_track, t.delayed, t.not_started, t.suspended, t.total];
}

describe.each(WIDTHS)('at %i px', (width) => {
  test('the import page is labelled, accessible, and has no errors or sideways scrolling', async () => {
    await withAdminPage('/import', width, async (opened) => {
      const { page } = opened;
      await importPage(page);
      expect(await page.title()).toBe('資料の取り込み | 意見・対応方針 管理');
      expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('資料の取り込み');

      const file = page.getByLabel('ファイル', { exact: true });
      expect(await file.getAttribute('type')).toBe('file');
      expect(await file.getAttribute('accept')).toBe('.txt,.csv,.tsv,.xlsx,.html');
      expect(await page.getByLabel('本文を貼り付ける').evaluate((el) => el.tagName)).toBe('TEXTAREA');
      const kind = page.getByLabel('資料の種類');
      expect(await kind.locator('option').allInnerTexts()).toEqual([
        '自動判別',
        '実施結果報告書（意見と対応方針）',
        '計画',
        '取組状況',
        '事務事業評価シート',
        '意見の一覧表（CSV・Excel）',
      ]);
      expect(await kind.inputValue()).toBe('');
      expect(await page.getByRole('button', { name: '内容を確認する' }).isEnabled()).toBe(true);
      // Nothing to import until a document has been checked.
      expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);

      await expectHealthyPage(publicView(opened), width);
      await maybeScreenshot(page, `import-empty-${width}`);
    });
  });

  test('pasting an opinions table: 内容を確認する previews it, 取り込む creates the meeting, its link shows the opinions', async () => {
    const title = `取り込みテスト会議（${width}px・${Date.now()}）`;
    const { csv, opinions, responses } = opinionsTableCsv(title);
    await withAdminPage('/import', width, async (opened) => {
      const { page } = opened;
      const requests = recordImportRequests(page);
      await importPage(page);
      await page.getByLabel('本文を貼り付ける').fill(csv);
      await page.getByRole('button', { name: '内容を確認する' }).click();

      // The preview: kind detected, what would be created, what was read.
      await page.locator('iken-import-page h2', { hasText: '確認結果' }).waitFor();
      expect(await counts(page)).toEqual(['会議 1件', '意見 2件', '対応方針 2件']);
      expect(await page.locator('iken-import-page [data-kind]').innerText()).toBe('意見の一覧表（CSV・Excel）（自動判別）');
      const summary = await shadowText(page.locator('iken-import-document'));
      expect(summary).toContain(title);
      expect(summary).toMatch(/意見\s*2件/);
      expect(summary).toMatch(/対応方針\s*2件/);
      expect(summary).toContain('令和7年度');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H2' });
      // Sent as text, as a dry run.
      expect(requests).toHaveLength(1);
      expect(requests[0]!.url.searchParams.get('dryRun')).toBe('true');
      expect(requests[0]!.contentType.replace(/\s/g, '').toLowerCase()).toBe('text/plain;charset=utf-8');
      // A dry run writes nothing.
      expect((await server.getJson<MeetingList>('/api/meetings')).items.some((m) => m.title === title)).toBe(false);

      await expectHealthyPage(publicView(opened), width);
      await maybeScreenshot(page, `import-preview-${width}`);

      await page.getByRole('button', { name: '取り込む' }).click();
      await page.locator('iken-import-page h2', { hasText: '取り込みました' }).waitFor();
      expect(requests).toHaveLength(2);
      expect(requests[1]!.url.searchParams.get('dryRun')).toBeNull();
      expect(await counts(page)).toEqual(['会議 1件', '意見 2件', '対応方針 2件']);

      const created = (await server.getJson<MeetingList>('/api/meetings')).items.find((m) => m.title === title);
      expect(created, 'the meeting was created').toBeDefined();
      const link = page.locator(`iken-import-page a[href="/meetings/${created!.id}"]`);
      expect(await link.innerText()).toBe(title);
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H2', text: '取り込みました' });

      await expectHealthyPage(publicView(opened), width);
      await maybeScreenshot(page, `import-result-${width}`);

      await link.click();
      await waitForHeading(page, title);
      expect(new URL(page.url()).pathname).toBe(`/meetings/${created!.id}`);
      const articles = page.locator('iken-opinion-item article');
      await articles.first().waitFor();
      expect(await articles.count()).toBe(2);
      const text = (await articles.allInnerTexts()).join('\n');
      for (const opinion of opinions) expect(text).toContain(opinion);
      // The published response is shown; the draft one is not, as on every meeting page.
      expect(text).toContain(responses[0]);
      expect(text).toContain('対応方針は作成中です（未公開）');
      expect(publicView(opened).problems).toEqual([]);
    });
  });

  test('the meeting page offers the report (new tab), CSV and Excel; the CSV downloads with a BOM and the header row', async () => {
    await withPage(`/meetings/${committee.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, committee.title);
      const group = page.getByRole('group', { name: '出力' });
      await group.waitFor();

      const html = group.locator('a[data-format="html"]');
      expect(await html.getAttribute('href')).toBe(`/api/meetings/${committee.id}/report`);
      expect(await html.getAttribute('target')).toBe('_blank');
      expect(await html.getAttribute('rel')).toContain('noopener');
      expect(await html.innerText()).toContain('印刷用の報告書（HTML）');
      expect(await html.locator('.visually-hidden').textContent()).toBe('（新しいタブで開きます）');

      const csv = group.locator('a[data-format="csv"]');
      const xlsx = group.locator('a[data-format="xlsx"]');
      expect(await csv.getAttribute('href')).toBe(`/api/meetings/${committee.id}/report?format=csv`);
      expect(await xlsx.getAttribute('href')).toBe(`/api/meetings/${committee.id}/report?format=xlsx`);
      expect(await csv.getAttribute('download')).not.toBeNull();
      expect(await xlsx.getAttribute('download')).not.toBeNull();
      expect(await csv.innerText()).toContain('CSV');
      expect(await xlsx.innerText()).toContain('Excel');

      // What the link gives: fetched directly, and as the browser downloads it.
      const fetched = new Uint8Array(await (await fetch(server.baseUrl + (await csv.getAttribute('href'))!)).arrayBuffer());
      expect([...fetched.slice(0, 3)]).toEqual(UTF8_BOM);
      expect(new TextDecoder().decode(fetched.slice(3)).split(/\r?\n/)[0]).toBe(OPINIONS_TABLE_HEADER);

      const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const saved = await readFile((await download.path())!);
      expect([...saved.subarray(0, 3)]).toEqual(UTF8_BOM);
      expect(saved.subarray(3).toString('utf8').split(/\r?\n/)[0]).toBe(OPINIONS_TABLE_HEADER);
      // The page stays where it was.
      expect(new URL(page.url()).pathname).toBe(`/meetings/${committee.id}`);

      const report = await fetch(server.baseUrl + (await html.getAttribute('href'))!);
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toContain('text/html');
      const sheet = await fetch(server.baseUrl + (await xlsx.getAttribute('href'))!);
      expect(sheet.status).toBe(200);
      expect([...new Uint8Array(await sheet.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);

      await expectHealthyPage(publicView(opened), width);
    });
  });

  test('the plan page shows 取組状況の総括: its 合計 row equals the API totals', async () => {
    const summary = await server.getJson<ProgressSummary>(`/api/progress/summary?planId=${plan.id}`);
    expect(summary.period, 'the sample plan has progress reports').not.toBeNull();
    await withPage(`/plans/${plan.id}`, width, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, plan.title);
      const section = page.locator('iken-progress-summary section');
      await section.locator('table').waitFor();

      expect(await section.locator('h2').innerText()).toBe('取組状況の総括');
      expect(await section.locator('caption').innerText()).toContain(`取組状況の総括表（${formatPeriod(summary.period!)}・取組の報告から集計）`);
      expect((await section.locator('thead th').allInnerTexts()).map((t) => t.trim())).toEqual([summary.groupLabel, ...STATUS_COLUMNS]);
      expect(await section.locator('tbody tr').count()).toBe(summary.rows.length);
      expect((await section.locator('tbody th').allInnerTexts()).map((t) => t.trim())).toEqual(summary.rows.map((r) => groupCaption(r.group)));
      expect((await section.locator('tfoot th').innerText()).trim()).toBe('合計');
      expect(await totalsRow(page)).toEqual(totalsOf(summary));
      expect(await section.locator('[data-rate]').innerText()).toBe(onTrackPercent(summary.totals));
      expect(await section.locator('[data-source]').innerText()).toBe('取組の報告から集計');
      expect(await section.locator('[data-period]').innerText()).toBe(formatPeriod(summary.period!));

      const downloads = page.getByRole('group', { name: 'この表をダウンロード' });
      for (const format of ['csv', 'xlsx']) {
        const href = await downloads.locator(`a[data-format="${format}"]`).getAttribute('href');
        expect(href).toBe(`/api/progress/summary?planId=${plan.id}&period=${summary.period}&groupBy=node&format=${format}`);
        expect((await fetch(server.baseUrl + href!)).status).toBe(200);
      }

      // The tree is still all there below it.
      expect(await page.locator('section.strategy').count()).toBe(4);
      await expectHealthyPage(publicView(opened), width);
      await maybeScreenshotElement(page.locator('iken-progress-summary'), `plan-summary-${width}`);
    });
  });
});

describe('the import page, other paths', () => {
  test('submitting with neither a file nor text says one is required, and sends nothing', async () => {
    await withAdminPage('/import', 390, async (opened) => {
      const { page } = opened;
      const requests = recordImportRequests(page);
      await importPage(page);
      await page.getByRole('button', { name: '内容を確認する' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('ファイルを選ぶか、本文を貼り付けてください。');
      expect(await page.getByLabel('ファイル', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('本文を貼り付ける').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'INPUT', id: 'file' });
      expect(requests).toEqual([]);
      await expectHealthyPage(publicView(opened), 390);

      // Only blanks is still nothing.
      await page.getByLabel('本文を貼り付ける').fill('   \n  ');
      await page.getByRole('button', { name: '内容を確認する' }).click();
      expect(await page.getByRole('alert').innerText()).toContain('ファイルを選ぶか、本文を貼り付けてください。');
      expect(requests).toEqual([]);

      // Text clears the message.
      await page.getByLabel('本文を貼り付ける').fill('会議の記録');
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    });
  });

  test("a file that is not a document shows the API's Japanese message in an alert", async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = await postFile(bytes, 'garbage.bin');
    expect(expected.status).toBeGreaterThanOrEqual(400);
    const { message } = (expected.body as { error: { message: string } }).error;
    expect(message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);

    await withAdminPage('/import', 1280, async (opened) => {
      const { page } = opened;
      const requests = recordImportRequests(page);
      await importPage(page);
      await page.getByLabel('ファイル', { exact: true }).setInputFiles({ name: 'garbage.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      await page.getByRole('button', { name: '内容を確認する' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(message);
      expect(await page.locator('iken-import-page h2').innerText()).toBe('内容を確認できませんでした');
      expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
      expect(requests[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
      // The browser logs the refused request itself; nothing else went wrong, and axe is happy with the alert.
      expect(unexpectedProblems(opened.problems, expected.status)).toEqual([]);
      await expectHealthyPage({ ...opened, problems: [] }, 1280);
    });
  });

  test('a file (multipart) is previewed the same way, with the kind chosen by hand; the details of a refusal are listed', async () => {
    const title = `ファイル取り込みテスト会議（${Date.now()}）`;
    const { csv } = opinionsTableCsv(title);
    await withAdminPage('/import', 390, async (opened) => {
      const { page } = opened;
      const requests = recordImportRequests(page);
      await importPage(page);
      await page.getByLabel('ファイル', { exact: true }).setInputFiles({ name: 'iken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByLabel('資料の種類').selectOption('opinions_table');
      await page.getByRole('button', { name: '内容を確認する' }).click();
      await page.locator('iken-import-page h2', { hasText: '確認結果' }).waitFor();
      expect(await counts(page)).toEqual(['会議 1件', '意見 2件', '対応方針 2件']);
      expect(await page.locator('iken-import-page [data-kind]').innerText()).toBe('意見の一覧表（CSV・Excel）');
      expect(requests[0]!.url.searchParams.get('kind')).toBe('opinions_table');
      expect(requests[0]!.contentType).toMatch(/^multipart\/form-data/);

      // Changing the document throws the check away: 取り込む only sends what was checked.
      await page.getByLabel('資料の種類').selectOption('plan');
      await expect.poll(() => page.getByRole('button', { name: '取り込む' }).count()).toBe(0);

      // The CSV as a plan: the API refuses with details, shown in the alert.
      await page.getByRole('button', { name: '内容を確認する' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const answer = await fetch(`${server.baseUrl}/api/imports?dryRun=true&kind=plan`, {
        method: 'POST',
        headers: asAdmin({ 'Content-Type': 'text/plain; charset=utf-8' }),
        body: csv,
      });
      const { error } = (await answer.json()) as { error: { message: string; details: Array<{ message: string }> } };
      expect(await alert.innerText()).toContain(error.message);
      for (const detail of error.details) expect(await alert.innerText()).toContain(detail.message);

      // Both a file and text: one of them, please.
      await page.getByLabel('本文を貼り付ける').fill(csv);
      await page.getByRole('button', { name: '内容を確認する' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('どちらか一方にしてください');
      await page.getByRole('button', { name: 'ファイルの選択を解除' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
      expect(unexpectedProblems(opened.problems, answer.status)).toEqual([]);
    });
  });

  test('the same document again: the preview says it was imported already and offers no 取り込む', async () => {
    const title = `二重取り込みテスト会議（${Date.now()}）`;
    const { csv } = opinionsTableCsv(title);
    const first = await fetch(`${server.baseUrl}/api/imports`, { method: 'POST', headers: asAdmin({ 'Content-Type': 'text/plain; charset=utf-8' }), body: csv });
    expect(first.status).toBe(200);
    await withAdminPage('/import', 1280, async (opened) => {
      const { page } = opened;
      await importPage(page);
      await page.getByLabel('本文を貼り付ける').fill(csv);
      await page.getByRole('button', { name: '内容を確認する' }).click();
      await page.locator('iken-import-page h2', { hasText: '確認結果' }).waitFor();
      expect(await page.locator('[data-notice="already-imported"]').innerText()).toContain('この資料は取り込み済みです。');
      expect(await page.locator('iken-import-page .nothing-new').innerText()).toBe('新しく作成されるものはありません（登録済み）');
      expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
      const warnings = await page.locator('iken-import-page .warnings li').allInnerTexts();
      expect(warnings.some((w) => /^1行目/.test(w.trim()) && w.includes('取り込み済み'))).toBe(true);
      await expectHealthyPage(publicView(opened), 1280);
    });
  });

  test('while the API works, both buttons are disabled and the form is marked busy', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await withAdminPage(
      '/import',
      1280,
      async ({ page }) => {
        await importPage(page);
        await page.getByLabel('本文を貼り付ける').fill(opinionsTableCsv(`待ちテスト会議（${Date.now()}）`).csv);
        await page.getByRole('button', { name: '内容を確認する' }).click();
        await expect.poll(() => page.locator('iken-import-page form').getAttribute('aria-busy')).toBe('true');
        expect(await page.getByRole('button', { name: '内容を確認する' }).isDisabled()).toBe(true);
        expect(await page.locator('iken-import-page [role="status"]').innerText()).toBe('資料を確認しています…');
        release();
        await page.getByRole('button', { name: '取り込む' }).waitFor();
        expect(await page.locator('iken-import-page form').getAttribute('aria-busy')).toBe('false');
        expect(await page.getByRole('button', { name: '内容を確認する' }).isEnabled()).toBe(true);
      },
      (context) =>
        context.route('**/api/imports*', async (route) => {
          await released;
          await route.continue();
        }),
    );
  });

  test('the header link 資料の取り込み opens the page with focus on its heading', async () => {
    await withAdminPage('/', 390, async ({ page, problems }) => {
      await waitForHeading(page, '会議・計画の一覧');
      await page.locator('nav a', { hasText: '資料の取り込み' }).click();
      await importPage(page);
      expect(new URL(page.url()).pathname).toBe('/import');
      await expect.poll(() => deepActiveElement(page)).toMatchObject({ tag: 'H1', text: '資料の取り込み' });
      expect(problems).toEqual([]);
    });
  });
});

describe('取組状況の総括, other states', () => {
  test('a plan with a published table: says so, notes where the reports disagree, and takes a period in 和暦', async () => {
    const report = [
      'かえで町行財政改革計画（2021-2024）',
      '令和4年度 上半期 取組状況',
      '',
      '取組の視点\t済\t概ね順調\t遅れ\t未着手\t休止\t合計',
      '(1)窓口の見直し\t1\t2\t0\t0\t0\t3',
      '(2)財源の確保\t0\t1\t1\t0\t0\t2',
      '合計\t1\t3\t1\t0\t0\t5',
      '',
      '窓口の番号案内の表示更新…遅れ [窓口案内事業]',
      '・表示機器の納期が遅れている。',
      '',
    ].join('\n');
    const response = await fetch(`${server.baseUrl}/api/imports`, { method: 'POST', headers: asAdmin({ 'Content-Type': 'text/plain; charset=utf-8' }), body: report });
    const result = (await response.json()) as ImportResult;
    expect(response.status, JSON.stringify(result)).toBe(200);
    const planId = result.ids.planIds[0]!;
    const summary = await server.getJson<ProgressSummary>(`/api/progress/summary?planId=${planId}`);
    expect(summary.source).toBe('reported');
    expect(summary.period).toBe('2022H1');

    for (const width of WIDTHS) {
      await withPage(`/plans/${planId}`, width, async (opened) => {
        const { page } = opened;
        const section = page.locator('iken-progress-summary section');
        await section.locator('table').waitFor();
        expect(await section.locator('[data-source]').innerText()).toBe('市が公表した集計表');
        expect(await section.locator('caption').innerText()).toContain('令和4年度上半期・市が公表した集計表');
        expect(await totalsRow(page)).toEqual(totalsOf(summary));
        const differences = summaryDifferences(summary, summary.computed!);
        const note = section.locator('.disagreement');
        if (differences.length) {
          expect(await note.innerText()).toContain('一致しません');
          for (const d of differences.slice(0, 6)) expect(await note.innerText()).toContain(d.label);
        } else {
          expect(await note.count()).toBe(0);
        }
        await expectHealthyPage(publicView(opened), width);
        await maybeScreenshotElement(page.locator('iken-progress-summary'), `plan-summary-reported-${width}`);

        if (width !== 1280) return;
        // A period in 和暦, one with no reports, and one that is not a period.
        const period = page.getByLabel('期間');
        await period.fill('令和4年度上半期');
        await page.getByRole('button', { name: '表示する' }).click();
        await expect.poll(() => section.locator('[data-period]').getAttribute('data-period')).toBe('2022H1');
        await period.fill('2010');
        await page.getByRole('button', { name: '表示する' }).click();
        await expect.poll(() => section.locator('.empty').innerText()).toBe('平成22年度の取組状況は、この計画ではまだ報告されていません。');
        await period.fill('いつか');
        await page.getByRole('button', { name: '表示する' }).click();
        await expect.poll(() => section.getByRole('alert').innerText()).toContain('期間として読み取れません');
        expect(await period.getAttribute('aria-invalid')).toBe('true');
        await period.fill('');
        await page.getByRole('button', { name: '表示する' }).click();
        await expect.poll(() => section.locator('[data-period]').getAttribute('data-period')).toBe('2022H1');
        expect(publicView(opened).problems).toEqual([]);
      });
    }
  });

  test('a plan without reports says so', async () => {
    const response = await fetch(`${server.baseUrl}/api/plans`, {
      method: 'POST',
      headers: asAdmin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        title: '報告のない計画（試験）',
        municipality: '平塚市',
        kind: 'other',
        startYear: 2025,
        endYear: 2028,
        nodes: [{ level: '施策', code: '1', title: '試験の施策' }],
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as PlanDetail;
    await withPage(`/plans/${created.id}`, 390, async (opened) => {
      const { page } = opened;
      await waitForHeading(page, created.title);
      const empty = page.locator('iken-progress-summary .empty');
      await empty.waitFor();
      expect(await empty.innerText()).toBe('この計画の取組状況はまだ報告されていません。');
      expect(await page.locator('iken-progress-summary table').count()).toBe(0);
      expect(await page.getByRole('group', { name: 'この表をダウンロード' }).count()).toBe(0);
      await expectHealthyPage(publicView(opened), 390);
    });
  });
});
