/**
 * パブリックコメント: anyone may send a comment while the procedure is open,
 * and keeps a receipt number; outside the period, or past the guards, the
 * answer says why. The secretariat groups form letters so that one response
 * answers them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, snapshotDatabase, type TestContext } from '../helpers/test-app.js';
import { MAX_COMMENTS_PER_CLIENT } from '../../api/features/comments/handlers.js';
import { isoInDays } from '../helpers/dates.js';

let t: TestContext;
let open: number;
let notYet: number;
let closed: number;
let committeeMeeting: number;

async function publicComment(title: string, opens: number, closes: number): Promise<number> {
  const res = await t.api('POST', '/api/meetings', { title, kind: 'public_comment', fiscalYear: 2026, commentOpensOn: isoInDays(opens), commentClosesOn: isoInDays(closes) });
  expect(res.status).toBe(201);
  return res.body.id;
}

const send = (meetingId: number, body: unknown, client = 'citizen') =>
  t.anonymous.api('POST', `/api/meetings/${meetingId}/comments`, body, { 'x-test-client': client });

beforeAll(async () => {
  t = await createTestContext();
  open = await publicComment('行財政改革計画（素案）への意見募集', -10, 0);
  notYet = await publicComment('来月からの意見募集', 1, 30);
  closed = await publicComment('終わった意見募集', -30, -1);
  committeeMeeting = (await t.api('POST', '/api/meetings', { title: '委員会', fiscalYear: 2026 })).body.id;
});
afterAll(async () => t.close());

describe('sending a comment', () => {
  it('takes a comment on the last day, with a receipt number the sender keeps', async () => {
    const res = await send(open, { text: '窓口のオンライン化を早めてほしい。', name: '平塚 太郎', email: 'taro@example.jp', address: '平塚市浅間町' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ receiptNumber: `${open}-0001` });
    const second = await send(open, { text: 'ＫＰＩの達成状況を公表してください。' });
    expect(second.body.receiptNumber).toBe(`${open}-0002`);
    // The secretariat sees them as opinions of the meeting, and who sent the first.
    const opinions = (await t.api('GET', `/api/opinions?meetingId=${open}`)).body.items;
    expect(opinions.map((o: any) => [o.seq, o.text])).toEqual([
      [1, '窓口のオンライン化を早めてほしい。'],
      [2, 'ＫＰＩの達成状況を公表してください。'],
    ]);
    const sender = await t.api('GET', `/api/opinions/${opinions[0].id}/commenter`);
    expect(sender.body).toMatchObject({ receiptNumber: `${open}-0001`, name: '平塚 太郎', email: 'taro@example.jp', address: '平塚市浅間町' });
    expect((await t.api('GET', `/api/opinions/${opinions[1].id}/commenter`)).body).toMatchObject({ name: null, email: null, address: null });
    // An opinion typed in by the secretariat has no sender; one that does not exist is 404.
    const typed = (await t.api('POST', '/api/opinions', { meetingId: open, text: '窓口で聞いた意見' })).body.id;
    const none = await t.api('GET', `/api/opinions/${typed}/commenter`);
    expect([none.status, none.body]).toEqual([200, null]);
    expect((await t.api('GET', '/api/opinions/99999/commenter')).status).toBe(404);
  });

  it('never gives a receipt number twice, even after opinions are renumbered or deleted', async () => {
    const meeting = await publicComment('番号の確認', -1, 1);
    const first = (await send(meeting, { text: '一つ目' }, 'renumber')).body.receiptNumber;
    const second = (await send(meeting, { text: '二つ目' }, 'renumber')).body.receiptNumber;
    const third = (await send(meeting, { text: '三つ目' }, 'renumber')).body.receiptNumber;
    const opinions = (await t.api('GET', `/api/opinions?meetingId=${meeting}`)).body.items;
    expect((await t.api('DELETE', `/api/opinions/${opinions[1].id}`)).status).toBe(204);
    expect((await t.api('PATCH', `/api/opinions/${opinions[2].id}`, { seq: 2 })).status).toBe(200);
    expect((await t.api('DELETE', `/api/opinions/${opinions[2].id}`)).status).toBe(204);
    const fourth = await send(meeting, { text: '四つ目' }, 'renumber');
    expect(fourth.status).toBe(201);
    expect(new Set([first, second, third, fourth.body.receiptNumber]).size).toBe(4);
    expect(fourth.body.receiptNumber).toBe(`${meeting}-0004`);
  });

  it('gives distinct receipt numbers to comments sent at the same moment', async () => {
    const meeting = await publicComment('同時送信の確認', -1, 1);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(meeting, { text: `同時の意見 ${i}` }, `same-time-${i}`)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.receiptNumber)).size).toBe(8);
  });

  it.each([
    ['before the period', () => notYet, /まだ始まっていません.*募集期間は令和/],
    ['after the period', () => closed, /終了しました/],
    ['a committee meeting', () => committeeMeeting, /意見を募集していません/],
  ])('refuses %s with 409 and a clear message, writing nothing', async (_name, meeting, message) => {
    const before = await snapshotDatabase(t.store);
    const res = await send(meeting(), { text: '意見です。' }, `refused-${_name}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(message);
    // Only the rate-limit counter moved.
    const after = await snapshotDatabase(t.store);
    expect(after).toBe(before);
  });

  it('answers 404 for a meeting that does not exist', async () => {
    expect((await send(99999, { text: '意見です。' }, 'nowhere')).status).toBe(404);
  });

  it.each([
    ['an empty comment', { text: '   ' }, 400, 'text'],
    ['a comment over 10,000 characters', { text: 'あ'.repeat(10001) }, 400, 'text'],
    ['a malformed e-mail address', { text: '意見', email: 'not-an-address' }, 400, 'email'],
    ['a name over 100 characters', { text: '意見', name: '名'.repeat(101) }, 400, 'name'],
    ['the hidden field filled in (a program, not a person)', { text: '意見', website: 'http://spam.example' }, 400, 'website'],
    ['an unknown field', { text: '意見', phone: '000' }, 400, ''],
  ])('refuses %s, saying which field', async (_name, body, status, path) => {
    const before = (await t.api('GET', `/api/opinions?meetingId=${open}`)).body.items.length;
    const res = await send(open, body, `bad-${_name}`);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    if (path) expect(res.body.error.details.map((d: any) => d.path)).toContain(path);
    expect((await t.api('GET', `/api/opinions?meetingId=${open}`)).body.items.length).toBe(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await send(open, { text: 'あ'.repeat(1_000_000) }, 'huge');
    expect(res.status).toBe(413);
  });

  it(`limits each client to ${MAX_COMMENTS_PER_CLIENT} comments per window (429 with Retry-After); others are not affected`, async () => {
    const statuses = [];
    for (let i = 0; i < MAX_COMMENTS_PER_CLIENT + 2; i++) statuses.push((await send(open, { text: `連続投稿 ${i}` }, 'flooder')).status);
    expect(statuses.slice(0, MAX_COMMENTS_PER_CLIENT).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(MAX_COMMENTS_PER_CLIENT)).toEqual([429, 429]);
    const limited = await send(open, { text: 'もう一件' }, 'flooder');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/分後/);
    expect((await send(open, { text: '別の人の意見' }, 'neighbour')).status).toBe(201);
  });

  it('does not count refused submissions against a shared address (a library terminal)', async () => {
    for (let i = 0; i < MAX_COMMENTS_PER_CLIENT + 2; i++) {
      expect((await send(closed, { text: `締切後の意見 ${i}` }, 'library')).status).toBe(409);
      expect((await send(open, { text: 'あ'.repeat(10001) }, 'library')).status).toBe(400);
    }
    expect((await send(open, { text: '図書館から出す意見' }, 'library')).status).toBe(201);
  });
});

describe('form letters', () => {
  let ids: number[] = [];
  beforeAll(async () => {
    const letter = '計画案の第3章にある公共施設の統廃合には反対です。地域の集会所は残してください。';
    const texts = [
      letter,
      letter,
      `${letter.replace('。', '。 ')}`, // the same once spaces are ignored
      '計画案の第3章にある公共施設の統廃合には反対です。地域の集会所は必ず残してください。', // near
      '自転車道の整備を進めてほしい。', // unrelated
    ];
    const meeting = await publicComment('公共施設再編計画への意見募集', -1, 5);
    for (const [i, text] of texts.entries()) expect((await send(meeting, { text }, `letter-${i}`)).status).toBe(201);
    ids = (await t.api('GET', `/api/opinions?meetingId=${meeting}`)).body.items.map((o: any) => o.id);
    (globalThis as any).formLetterMeeting = meeting;
  });

  it('offers exact and near duplicates as groups, the earliest first', async () => {
    const meeting = (globalThis as any).formLetterMeeting;
    const groups = (await t.api('GET', `/api/meetings/${meeting}/duplicates`)).body.groups;
    expect(groups).toEqual([
      { kind: 'exact', opinionIds: [ids[0], ids[1], ids[2]], seqs: [1, 2, 3], similarity: 1 },
      { kind: 'near', opinionIds: [ids[0], ids[3]], seqs: [1, 4], similarity: expect.any(Number) },
    ]);
    expect(groups[1].similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('marks duplicates so that one response answers the group, and no longer offers them', async () => {
    const meeting = (globalThis as any).formLetterMeeting;
    for (const id of ids.slice(1, 4)) expect((await t.api('PATCH', `/api/opinions/${id}`, { duplicateOfId: ids[0] })).status).toBe(200);
    expect((await t.api('GET', `/api/meetings/${meeting}/duplicates`)).body.groups).toEqual([]);
    expect((await t.api('PUT', `/api/opinions/${ids[0]}/response`, { text: '集会所は地域の拠点として存続させる方向で検討してまいります。' })).status).toBe(201);
    for (const action of ['submit', 'approve', 'publish']) await t.api('POST', `/api/opinions/${ids[0]}/response/transitions`, { action });
    for (const id of ids.slice(1, 4)) {
      const opinion = (await t.anonymous.api('GET', `/api/opinions/${id}`)).body;
      expect(opinion).toMatchObject({ duplicateOfId: ids[0], response: { text: '集会所は地域の拠点として存続させる方向で検討してまいります。', state: 'published' } });
      expect((await t.anonymous.api('GET', `/api/opinions/${id}/response`)).body.text).toContain('集会所は地域の拠点');
    }
    // The unrelated comment stays unanswered and unseen by the public.
    expect((await t.anonymous.api('GET', `/api/opinions/${ids[4]}`)).status).toBe(404);
  });

  it('refuses a response of its own on a duplicate, and marks that make no sense', async () => {
    const own = await t.api('PUT', `/api/opinions/${ids[1]}/response`, { text: '個別の回答' });
    expect(own.status).toBe(409);
    expect(own.body.error.message).toMatch(/意見1番/);
    expect((await t.api('PATCH', `/api/opinions/${ids[4]}`, { duplicateOfId: ids[4] })).status).toBe(400);
    expect((await t.api('PATCH', `/api/opinions/${ids[4]}`, { duplicateOfId: ids[1] })).status).toBe(409); // a duplicate itself
    expect((await t.api('PATCH', `/api/opinions/${ids[0]}`, { duplicateOfId: ids[4] })).status).toBe(409); // answered, and the first of a group
    const elsewhere = (await t.api('GET', `/api/opinions?meetingId=${open}`)).body.items[0].id;
    expect((await t.api('PATCH', `/api/opinions/${ids[4]}`, { duplicateOfId: elsewhere })).status).toBe(409);
    expect((await t.api('PATCH', `/api/opinions/${ids[3]}`, { duplicateOfId: null })).body.duplicateOfId).toBeNull();
  });
});
