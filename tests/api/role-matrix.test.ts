/**
 * Who may do what (issue: accounts and roles): every mutating route of the
 * OpenAPI document, called by every role, and the reads that must hide
 * drafts and personal data. The expected answer of each call follows from
 * the role's job as PRODUCT.md describes it, not from the rule table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../api/access/enforce-access.js';
import { createTestContext, type Client, type TestContext } from '../helpers/test-app.js';
import { isoInDays } from '../helpers/dates.js';

let t: TestContext;
let committee: Client;
let deptA: Client;
let deptB: Client;
const ids = {
  departmentA: 0,
  departmentB: 0,
  plan: 0,
  nodeA: 0,
  nodeB: 0,
  indicator: 0,
  meeting: 0,
  publicComment: 0,
  /** Department A's, with a draft response. */
  opinionA: 0,
  /** Department B's, with a draft response. */
  opinionB: 0,
  /** Department A's, published. */
  published: 0,
  /** Department A's, approved but not published. */
  approved: 0,
  /** Department A's, submitted. */
  submitted: 0,
  secretariatUser: 0,
  /** An opinion only the delete call uses. */
  throwaway: 0,
};

const DRAFT_TEXT = '下書きの対応方針：まだ誰にも見せない文面です。';
const SUBMITTED_TEXT = '提出済みの対応方針：事務局の確認待ちです。';
const APPROVED_TEXT = '承認済みの対応方針：公開前です。';
const PUBLISHED_TEXT = '公開済みの対応方針：令和8年度から実施します。';
const COMMENTER = { name: '個人情報 花子', email: 'hanako.secret@example.jp', address: '平塚市秘密町1-2-3' };

async function opinionWithResponse(departmentId: number, text: string, steps: ('submit' | 'approve' | 'publish')[]): Promise<number> {
  const o = await t.api('POST', '/api/opinions', { meetingId: ids.meeting, text: `委員の意見その${next()}`, departmentId, nodeIds: [ids.nodeA] });
  expect(o.status).toBe(201);
  expect((await t.api('PUT', `/api/opinions/${o.body.id}/response`, { text })).status).toBe(201);
  for (const action of steps) expect((await t.api('POST', `/api/opinions/${o.body.id}/response/transitions`, { action })).status).toBe(200);
  return o.body.id;
}

beforeAll(async () => {
  t = await createTestContext();
  ids.secretariatUser = t.userId!;
  ids.departmentA = (await t.api('POST', '/api/departments', { name: '経営企画課', bureau: '企画部' })).body.id;
  ids.departmentB = (await t.api('POST', '/api/departments', { name: '道路整備課', bureau: '都市整備部' })).body.id;
  const plan = await t.api('POST', '/api/plans', {
    title: '総合計画',
    municipality: '平塚市',
    kind: 'comprehensive',
    startYear: 2024,
    endYear: 2031,
    nodes: [{ level: '施策', title: '行財政改革', children: [] }, { level: '施策', title: '道路の維持', children: [] }],
  });
  expect(plan.status).toBe(201);
  ids.plan = plan.body.id;
  const tree = (await t.api('GET', `/api/plans/${ids.plan}`)).body.nodes;
  ids.nodeA = tree[0].id;
  ids.nodeB = tree[1].id;
  // Node departments come from imported evaluation sheets; set them directly here.
  await t.store.db.updateTable('plan_nodes').set({ department_id: ids.departmentA }).where('id', '=', ids.nodeA).execute();
  await t.store.db.updateTable('plan_nodes').set({ department_id: ids.departmentB }).where('id', '=', ids.nodeB).execute();
  ids.indicator = (await t.api('POST', `/api/nodes/${ids.nodeA}/indicators`, { name: '指標', unit: '件' })).body.id;
  ids.meeting = (await t.api('POST', '/api/meetings', { title: '第1回 委員会', fiscalYear: 2025 })).body.id;
  ids.publicComment = (
    await t.api('POST', '/api/meetings', {
      title: '計画案への意見募集',
      kind: 'public_comment',
      fiscalYear: 2025,
      commentOpensOn: isoInDays(-3),
      commentClosesOn: isoInDays(3),
    })
  ).body.id;
  ids.throwaway = (await t.api('POST', '/api/opinions', { meetingId: ids.meeting, text: '消してよい意見' })).body.id;
  ids.opinionA = await opinionWithResponse(ids.departmentA, DRAFT_TEXT, []);
  ids.opinionB = await opinionWithResponse(ids.departmentB, `B課の${DRAFT_TEXT}`, []);
  ids.submitted = await opinionWithResponse(ids.departmentA, SUBMITTED_TEXT, ['submit']);
  ids.approved = await opinionWithResponse(ids.departmentA, APPROVED_TEXT, ['submit', 'approve']);
  ids.published = await opinionWithResponse(ids.departmentA, PUBLISHED_TEXT, ['submit', 'approve', 'publish']);
  // Progress on every opinion that takes reports (approved or published), so that summaries and progress lists have something to hide.
  for (const id of [ids.approved, ids.published])
    expect((await t.api('POST', `/api/opinions/${id}/progress`, { period: '2025H1', status: 'on_track' })).status).toBe(201);
  committee = await t.signInAs('committee');
  deptA = await t.signInAs('department', ids.departmentA);
  deptB = await t.signInAs('department', ids.departmentB);
});
afterAll(async () => t.close());

type Who = 'anonymous' | 'committee' | 'deptA' | 'deptB' | 'secretariat';
/** allowed: must not be 401/403; or the exact refusal. */
type Expect = 'allowed' | 401 | 403;

interface Call {
  name: string;
  method: string;
  path: () => string;
  /** The route as the OpenAPI document names it. */
  route: string;
  body?: () => unknown;
  headers?: () => Record<string, string>;
  expect: Record<Who, Expect>;
}

const SECRETARIAT_ONLY: Record<Who, Expect> = { anonymous: 401, committee: 403, deptA: 403, deptB: 403, secretariat: 'allowed' };
/** Department A's own item: A may, B may not. */
const OWN_A: Record<Who, Expect> = { anonymous: 401, committee: 403, deptA: 'allowed', deptB: 403, secretariat: 'allowed' };
const EVERYONE: Record<Who, Expect> = { anonymous: 'allowed', committee: 'allowed', deptA: 'allowed', deptB: 'allowed', secretariat: 'allowed' };

let unique = 0;
const next = () => ++unique;

const CALLS: Call[] = [
  { name: 'create a department', method: 'POST', route: '/api/departments', path: () => '/api/departments', body: () => ({ name: `課${next()}` }), expect: SECRETARIAT_ONLY },
  { name: 'create a plan', method: 'POST', route: '/api/plans', path: () => '/api/plans', body: () => ({ title: `計画${next()}`, municipality: '平塚市', kind: 'other', startYear: 2024, endYear: 2027 }), expect: SECRETARIAT_ONLY },
  { name: 'add a node', method: 'POST', route: '/api/plans/{id}/nodes', path: () => `/api/plans/${ids.plan}/nodes`, body: () => ({ level: '取組', title: `取組${next()}`, parentId: ids.nodeA }), expect: SECRETARIAT_ONLY },
  { name: 'change a node', method: 'PATCH', route: '/api/nodes/{id}', path: () => `/api/nodes/${ids.nodeA}`, body: () => ({ description: `説明${next()}` }), expect: SECRETARIAT_ONLY },
  { name: 'add an indicator', method: 'POST', route: '/api/nodes/{id}/indicators', path: () => `/api/nodes/${ids.nodeA}/indicators`, body: () => ({ name: `指標${next()}`, unit: '件' }), expect: SECRETARIAT_ONLY },
  { name: 'record indicator values', method: 'POST', route: '/api/indicators/{id}/values', path: () => `/api/indicators/${ids.indicator}/values`, body: () => ({ fiscalYear: 2020 + (next() % 10), kind: 'actual', value: 1 }), expect: SECRETARIAT_ONLY },
  { name: 'create a meeting', method: 'POST', route: '/api/meetings', path: () => '/api/meetings', body: () => ({ title: `会議${next()}`, fiscalYear: 2025 }), expect: SECRETARIAT_ONLY },
  { name: 'change a meeting', method: 'PATCH', route: '/api/meetings/{id}', path: () => `/api/meetings/${ids.meeting}`, body: () => ({ theme: `テーマ${next()}` }), expect: SECRETARIAT_ONLY },
  { name: 'publish all approved of a meeting', method: 'POST', route: '/api/meetings/{id}/publish', path: () => `/api/meetings/${ids.publicComment}/publish`, expect: SECRETARIAT_ONLY },
  { name: 'send a public comment', method: 'POST', route: '/api/meetings/{id}/comments', path: () => `/api/meetings/${ids.publicComment}/comments`, body: () => ({ text: `意見です${next()}` }), headers: () => ({ 'x-test-client': `client-${next()}` }), expect: EVERYONE },
  { name: 'log an opinion', method: 'POST', route: '/api/opinions', path: () => '/api/opinions', body: () => ({ meetingId: ids.meeting, text: `意見${next()}` }), expect: SECRETARIAT_ONLY },
  { name: 'change an opinion', method: 'PATCH', route: '/api/opinions/{id}', path: () => `/api/opinions/${ids.opinionA}`, body: () => ({ dueOn: '2027-03-31' }), expect: SECRETARIAT_ONLY },
  { name: 'delete an opinion', method: 'DELETE', route: '/api/opinions/{id}', path: () => `/api/opinions/${ids.throwaway}`, expect: SECRETARIAT_ONLY },
  {
    name: 'write the response of an own opinion',
    method: 'PUT',
    route: '/api/opinions/{id}/response',
    path: () => `/api/opinions/${ids.opinionA}/response`,
    body: () => ({ text: `${DRAFT_TEXT}（改訂${next()}）` }),
    headers: () => ({ 'If-Match': '*' }),
    expect: OWN_A,
  },
  {
    name: 'write the response of another department’s opinion',
    method: 'PUT',
    route: '/api/opinions/{id}/response',
    path: () => `/api/opinions/${ids.opinionB}/response`,
    body: () => ({ text: `B課の${DRAFT_TEXT}（改訂${next()}）` }),
    headers: () => ({ 'If-Match': '*' }),
    expect: { anonymous: 401, committee: 403, deptA: 403, deptB: 'allowed', secretariat: 'allowed' },
  },
  { name: 'submit an own response', method: 'POST', route: '/api/opinions/{id}/response/transitions', path: () => `/api/opinions/${ids.opinionA}/response/transitions`, body: () => ({ action: 'submit' }), expect: OWN_A },
  { name: 'approve a response', method: 'POST', route: '/api/opinions/{id}/response/transitions', path: () => `/api/opinions/${ids.submitted}/response/transitions`, body: () => ({ action: 'approve' }), expect: SECRETARIAT_ONLY },
  { name: 'return a response', method: 'POST', route: '/api/opinions/{id}/response/transitions', path: () => `/api/opinions/${ids.submitted}/response/transitions`, body: () => ({ action: 'return', comment: '修正してください。' }), expect: SECRETARIAT_ONLY },
  { name: 'publish a response', method: 'POST', route: '/api/opinions/{id}/response/transitions', path: () => `/api/opinions/${ids.approved}/response/transitions`, body: () => ({ action: 'publish' }), expect: SECRETARIAT_ONLY },
  { name: 'report progress on an own opinion', method: 'POST', route: '/api/opinions/{id}/progress', path: () => `/api/opinions/${ids.published}/progress`, body: () => ({ period: '2025H2', status: 'on_track', note: `メモ${next()}` }), expect: OWN_A },
  { name: 'report progress on an own node', method: 'POST', route: '/api/nodes/{id}/progress', path: () => `/api/nodes/${ids.nodeA}/progress`, body: () => ({ period: '2025H2', status: 'delayed', note: `メモ${next()}` }), expect: OWN_A },
  {
    name: 'record an evaluation of an own node',
    method: 'POST',
    route: '/api/nodes/{id}/evaluations',
    path: () => `/api/nodes/${ids.nodeA}/evaluations`,
    body: () => ({ fiscalYear: 2024, ratings: { progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'B' }, summary: `総評${next()}` }),
    expect: OWN_A,
  },
  // Periods far from the ones reported on above, so that closing them freezes nothing this file relies on.
  { name: 'open a reporting period', method: 'POST', route: '/api/periods', path: () => '/api/periods', body: () => ({ period: '2039H1' }), expect: SECRETARIAT_ONLY },
  { name: 'close a reporting period', method: 'POST', route: '/api/periods/{period}/close', path: () => '/api/periods/2038/close', expect: SECRETARIAT_ONLY },
  { name: 'reopen a reporting period', method: 'POST', route: '/api/periods/{period}/reopen', path: () => `/api/periods/${encodeURIComponent('令和20年度')}/reopen`, expect: SECRETARIAT_ONLY },
  { name: 'import a document', method: 'POST', route: '/api/imports', path: () => '/api/imports?dryRun=true', body: () => '会議,年度,番号,意見\n会議,2025,1,意見です\n', headers: () => ({ 'content-type': 'text/csv' }), expect: SECRETARIAT_ONLY },
  { name: 'create an account', method: 'POST', route: '/api/users', path: () => '/api/users', body: () => ({ email: `new${next()}@test.example.jp`, name: '新しい人', role: 'committee', password: 'long-enough-password' }), expect: SECRETARIAT_ONLY },
  { name: 'change an account', method: 'PATCH', route: '/api/users/{id}', path: () => `/api/users/${committee.userId}`, body: () => ({ name: `委員${next()}` }), expect: SECRETARIAT_ONLY },
];

function clientOf(who: Who): Client {
  return { anonymous: t.anonymous, committee, deptA, deptB, secretariat: t as Client }[who];
}

describe('reads hide what a role may not see', () => {
  const hiddenFromPublic = [DRAFT_TEXT, SUBMITTED_TEXT, APPROVED_TEXT];

  it('the public gets 404 for opinions, responses, histories and progress that are not published', async () => {
    for (const id of [ids.opinionA, ids.submitted, ids.approved]) {
      for (const path of [`/api/opinions/${id}`, `/api/opinions/${id}/response`, `/api/opinions/${id}/response/versions`, `/api/opinions/${id}/progress`]) {
        const res = await t.anonymous.api('GET', path);
        expect(res.status, path).toBe(404);
      }
    }
    const published = await t.anonymous.api('GET', `/api/opinions/${ids.published}`);
    expect(published.status).toBe(200);
    expect(published.body.response).toMatchObject({ text: PUBLISHED_TEXT, state: 'published' });
  });

  it('the public’s meeting counts only the opinions it may read', async () => {
    expect((await t.anonymous.api('GET', `/api/meetings/${ids.meeting}`)).body.opinionCount).toBe(1);
    const staffCount = (await t.api('GET', `/api/meetings/${ids.meeting}`)).body.opinionCount;
    expect(staffCount).toBeGreaterThan(1);
    expect((await t.anonymous.api('GET', '/api/meetings')).body.items.find((m: any) => m.id === ids.meeting).opinionCount).toBe(1);
  });

  it('the public’s lists, node pages, search, report, exports and summaries carry no unpublished text', async () => {
    const paths = [
      `/api/opinions?meetingId=${ids.meeting}`,
      `/api/opinions?nodeId=${ids.nodeA}`,
      `/api/nodes/${ids.nodeA}`,
      '/api/search?q=対応方針',
      '/api/search?q=意見',
      `/api/meetings/${ids.meeting}/report`,
      `/api/meetings/${ids.meeting}/report?format=csv`,
      `/api/progress/summary?planId=${ids.plan}&period=2025H1`,
    ];
    for (const path of paths) {
      const res = await t.anonymous.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      for (const hidden of hiddenFromPublic) expect(text, `${path} shows “${hidden}”`).not.toContain(hidden);
    }
    const list = (await t.anonymous.api('GET', `/api/opinions?meetingId=${ids.meeting}`)).body.items;
    expect(list.map((o: any) => o.id)).toEqual([ids.published]);
    const search = (await t.anonymous.api('GET', '/api/search?q=対応方針')).body;
    expect(search.hits.map((h: any) => h.id)).toEqual([ids.published]);
    // The computed summary counts only the published opinion's report.
    const summary = (await t.anonymous.api('GET', `/api/progress/summary?planId=${ids.plan}&period=2025H1`)).body;
    expect(summary.totals.total).toBe(1);
    expect((await t.api('GET', `/api/progress/summary?planId=${ids.plan}&period=2025H1`)).body.totals.total).toBe(2);
  });

  it('committee members read approved and published responses, never drafts or submitted ones', async () => {
    const approved = await committee.api('GET', `/api/opinions/${ids.approved}/response`);
    expect(approved.status).toBe(200);
    expect(approved.body.text).toBe(APPROVED_TEXT);
    for (const id of [ids.opinionA, ids.submitted]) {
      expect((await committee.api('GET', `/api/opinions/${id}/response`)).status).toBe(404);
      // The opinion itself is theirs to read, without the draft.
      const opinion = await committee.api('GET', `/api/opinions/${id}`);
      expect(opinion.status).toBe(200);
      expect(opinion.body.response).toBeNull();
    }
    const csv = await (await committee.request(`/api/meetings/${ids.meeting}/report?format=csv`)).text();
    expect(csv).toContain(APPROVED_TEXT);
    expect(csv).not.toContain(DRAFT_TEXT);
    expect(csv).not.toContain(SUBMITTED_TEXT);
  });

  it('a revision under way stays hidden: the public keeps reading the published version', async () => {
    const o = await opinionWithResponse(ids.departmentA, '初めの公開版です。令和8年度から実施します。', ['submit', 'approve', 'publish']);
    expect((await t.api('PUT', `/api/opinions/${o}/response`, { text: '改訂中の下書きです。検討してまいります。' }, { 'If-Match': '"v1"' })).status).toBe(200);
    for (const reader of [t.anonymous, committee]) {
      const res = await reader.api('GET', `/api/opinions/${o}/response`);
      expect(res.body).toMatchObject({ text: '初めの公開版です。令和8年度から実施します。', state: 'published', version: 1 });
      expect(res.headers.get('etag')).toBeNull();
      const versions = (await reader.api('GET', `/api/opinions/${o}/response/versions`)).body.items;
      expect(versions.map((v: any) => v.version)).toEqual([1]);
      expect(JSON.stringify(versions)).not.toContain('改訂中の下書き');
      const opinion = (await reader.api('GET', `/api/opinions/${o}`)).body;
      expect(opinion.response.text).toBe('初めの公開版です。令和8年度から実施します。');
    }
    // Filters work on what the reader sees, so they do not give the revision away either.
    const ids_ = async (reader: Client, query: string) => (await reader.api('GET', `/api/opinions?meetingId=${ids.meeting}&${query}`)).body.items.map((x: any) => x.id);
    expect(await ids_(t.anonymous, 'state=draft')).not.toContain(o);
    expect(await ids_(t.anonymous, 'state=published')).toContain(o);
    expect(await ids_(t.anonymous, 'commitment=consider')).not.toContain(o);
    expect(await ids_(t.anonymous, 'commitment=implement')).toContain(o);
    expect(await ids_(deptA, 'state=draft')).toContain(o);
    const staff = await deptA.api('GET', `/api/opinions/${o}/response`);
    expect(staff.body).toMatchObject({ text: '改訂中の下書きです。検討してまいります。', state: 'draft', version: 2 });
  });

  it('only the secretariat reads accounts, the audit log and who sent a comment', async () => {
    for (const path of ['/api/users', `/api/audit?entity=opinion&id=${ids.opinionA}`, `/api/opinions/${ids.opinionA}/commenter`, `/api/meetings/${ids.publicComment}/duplicates`]) {
      expect((await t.anonymous.api('GET', path)).status, path).toBe(401);
      for (const reader of [committee, deptA]) expect((await reader.api('GET', path)).status, path).toBe(403);
    }
  });

  it('personal data of commenters is absent from every answer outside the secretariat’s', async () => {
    const sent = await t.anonymous.api('POST', `/api/meetings/${ids.publicComment}/comments`, { text: '駐輪場を増やしてください。', ...COMMENTER }, { 'x-test-client': 'privacy' });
    expect(sent.status).toBe(201);
    const opinion = (await t.api('GET', `/api/opinions?meetingId=${ids.publicComment}`)).body.items.find((o: any) => o.text === '駐輪場を増やしてください。');
    // Publish a response to it, so that the public sees the opinion too.
    expect((await t.api('PUT', `/api/opinions/${opinion.id}/response`, { text: '駐輪場の増設を検討してまいります。' })).status).toBe(201);
    for (const action of ['submit', 'approve', 'publish']) await t.api('POST', `/api/opinions/${opinion.id}/response/transitions`, { action });
    const readable = [
      `/api/opinions?meetingId=${ids.publicComment}`,
      `/api/opinions/${opinion.id}`,
      `/api/opinions/${opinion.id}/response`,
      `/api/opinions/${opinion.id}/response/versions`,
      `/api/meetings/${ids.publicComment}`,
      `/api/meetings/${ids.publicComment}/report`,
      `/api/meetings/${ids.publicComment}/report?format=csv`,
      '/api/search?q=駐輪場',
      `/api/search?q=${encodeURIComponent(COMMENTER.name)}`,
    ];
    for (const reader of [t.anonymous, committee, deptA]) {
      for (const path of readable) {
        const text = await (await reader.request(path)).text();
        for (const secret of Object.values(COMMENTER)) expect(text, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
    // Even the secretariat's lists and audit log do not carry them; only the commenter route does.
    for (const path of [...readable, `/api/audit?entity=opinion&id=${opinion.id}`]) {
      const text = await (await t.request(path)).text();
      for (const secret of Object.values(COMMENTER)) expect(text, `${path} shows ${secret}`).not.toContain(secret);
    }
    const commenter = await t.api('GET', `/api/opinions/${opinion.id}/commenter`);
    expect(commenter.body).toMatchObject(COMMENTER);
  });
});

describe('every mutating route, by every role', () => {
  it('covers every mutating route of the OpenAPI document, each of which has an explicit rule', async () => {
    const doc = (await t.api('GET', '/api/openapi.json')).body;
    const mutating = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Signing in answers 401 to a wrong password by design; tests/api/accounts.test.ts covers it.
    const signing = ['POST /api/auth/sign-in/email', 'POST /api/auth/sign-out'];
    expect(new Set([...CALLS.map((c) => `${c.method} ${c.route}`), ...signing])).toEqual(new Set(mutating));
    for (const route of mutating) {
      const [method, path] = route.split(' ') as [string, string];
      expect(ruleFor(method, path.replace(/\{id\}/g, '1')), route).toBeDefined();
    }
  });

  const whos: Who[] = ['anonymous', 'committee', 'deptB', 'deptA', 'secretariat'];
  for (const call of CALLS) {
    for (const who of whos) {
      const expected = call.expect[who];
      it(`${call.name} — ${who}: ${expected === 'allowed' ? 'allowed' : expected}`, async () => {
        const body = call.body?.();
        const headers = call.headers?.() ?? {};
        const res = await clientOf(who).api(call.method, call.path(), body, headers);
        if (expected === 'allowed') {
          expect([401, 403], JSON.stringify(res.body)).not.toContain(res.status);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(expected);
          expect(res.body.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
          expect(res.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
        }
      });
    }
  }

  it('a department cannot hand its response to another department or set the commitment by hand', async () => {
    const other = await deptA.api('PUT', `/api/opinions/${ids.opinionA}/response`, { text: DRAFT_TEXT, departmentId: ids.departmentB }, { 'If-Match': '*' });
    expect(other.status).toBe(403);
    const commitment = await deptA.api('PUT', `/api/opinions/${ids.opinionA}/response`, { text: DRAFT_TEXT, commitment: 'implement' }, { 'If-Match': '*' });
    expect(commitment.status).toBe(403);
  });

  it('a department approving its own submitted response is refused, and the state stays', async () => {
    const res = await deptA.api('POST', `/api/opinions/${ids.submitted}/response/transitions`, { action: 'approve' });
    expect(res.status).toBe(403);
    expect((await t.api('GET', `/api/opinions/${ids.submitted}/response`)).body.state).not.toBe('approved');
  });

  it('a JSON body sent under another JSON media type is checked all the same', async () => {
    for (const type of ['application/vnd.api+json', 'Application/JSON', 'application/json-patch+json', 'text/plain']) {
      const res = await deptA.api('PUT', `/api/opinions/${ids.opinionA}/response`, JSON.stringify({ text: DRAFT_TEXT, departmentId: ids.departmentB, commitment: 'difficult' }), {
        'content-type': type,
        'If-Match': '*',
      });
      expect([403, 415], `${type}: ${JSON.stringify(res.body)}`).toContain(res.status);
      const approve = await deptA.api('POST', `/api/opinions/${ids.submitted}/response/transitions`, JSON.stringify({ action: 'approve' }), { 'content-type': type });
      expect([403, 415], type).toContain(approve.status);
    }
    const response = (await t.api('GET', `/api/opinions/${ids.opinionA}/response`)).body;
    expect(response.departmentId).toBe(ids.departmentA);
    expect(response.commitmentOverridden).toBe(false);
  });

  it('HEAD needs what GET needs', async () => {
    for (const path of ['/api/users', `/api/audit?entity=opinion&id=${ids.opinionA}`, `/api/opinions/${ids.opinionA}/commenter`, `/api/meetings/${ids.publicComment}/duplicates`, '/api/me']) {
      expect((await t.anonymous.request(path, { method: 'HEAD' })).status, path).toBe(401);
      if (path !== '/api/me') expect((await committee.request(path, { method: 'HEAD' })).status, path).toBe(403);
    }
    expect((await committee.request('/api/me', { method: 'HEAD' })).status).toBe(200);
    expect((await t.anonymous.request(`/api/opinions/${ids.opinionA}`, { method: 'HEAD' })).status).toBe(404);
  });

  it('reassigning an opinion moves the right to answer it, and its response, to the new department', async () => {
    const o = await opinionWithResponse(ids.departmentA, 'A課が書いた下書き', []);
    expect((await t.api('PATCH', `/api/opinions/${o}`, { departmentId: ids.departmentB })).status).toBe(200);
    expect((await t.api('GET', `/api/opinions/${o}/response`)).body.departmentId).toBe(ids.departmentB);
    expect((await deptA.api('PUT', `/api/opinions/${o}/response`, { text: 'A課がまだ書く' }, { 'If-Match': '*' })).status).toBe(403);
    expect((await deptA.api('POST', `/api/opinions/${o}/response/transitions`, { action: 'submit' })).status).toBe(403);
    expect((await deptB.api('PUT', `/api/opinions/${o}/response`, { text: 'B課が引き継いだ' }, { 'If-Match': '*' })).status).toBe(200);
  });

  it('a department id written another way (full-width, percent-encoded) does not slip past the department check', async () => {
    for (const id of [`${ids.opinionB}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), encodeURIComponent(String(ids.opinionB)).replace(/\d/g, (d) => `%3${d}`)]) {
      const res = await deptA.api('PUT', `/api/opinions/${id}/response`, { text: '横取り' }, { 'If-Match': '*' });
      expect(res.status, id).toBe(403);
    }
    expect((await t.api('GET', `/api/opinions/${ids.opinionB}/response`)).body.text).not.toBe('横取り');
  });
});
