/**
 * The commitment of every response in seed 000 (平成30年度 ひらつか行革ミーティング
 * 実施結果報告書): each label below was decided by reading the response as a
 * committee member would — what will the city be held to? — and is justified
 * with the phrase that decides it. The rules in api/lib/commitment.ts must
 * agree with every one, and the list filter `commitment=` must follow them.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCommitment } from '../../api/lib/commitment.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

const SEED_000 = fs.readFileSync(new URL('../../../shared/seeds/000_f455e2d430f9a307.txt', import.meta.url), 'utf8');

interface Decided {
  seq: number;
  /** The phrase of the response that decides the label (also identifies the response). */
  decisive: string;
  label: 'implement' | 'continue' | 'consider' | 'difficult' | 'explain';
  /** Why, in one line: 日本語 / English. */
  why: string;
}

const DECIDED: Decided[] = [
  {
    seq: 1,
    decisive: '各種計画の見直しを通じて検討してまいります',
    label: 'consider',
    why: '定義は「認識しております」と説明するだけで、明確化は検討にとどまる / the definition is only explained; making it clear is left to a study',
  },
  {
    seq: 2,
    decisive: '事業者ニーズを捉えた制度設計を行ってまいります',
    label: 'implement',
    why: '求められた補助金の制度設計そのものを行うと約束 / promises the very system design the committee asked for',
  },
  {
    seq: 3,
    decisive: '波力発電の実証事業をはじめ創業支援の充実など事業を展開し',
    label: 'implement',
    why: '見直しを進め具体的な事業を展開する（「目指してまいります」はその目標） / reviews and rolls out named programmes; 目指す is their aim',
  },
  {
    seq: 4,
    decisive: '平塚ならではの産学共同研究の場を検討してまいります',
    label: 'consider',
    why: '求められた産学公の場は検討のみ（「創出等を図るとともに」は既存の研究会を土台にした目標） / the venue asked for is only studied; 図るとともに is a goal on existing work',
  },
  {
    seq: 5,
    decisive: '事業の充実を図ります',
    label: 'implement',
    why: '支援事業の充実は実行の約束で、KPIの「検討してまいります」より強い具体的な行動が勝つ / enhancing the support programmes is an action and outweighs studying a KPI',
  },
  {
    seq: 6,
    decisive: '子育て世代に選ばれるまちに向けてのPRを図ります',
    label: 'implement',
    why: '外へのPRは実行し、先進事例の「研究をするとともに」は添えられた一節 / the outward PR is done; the research is a companion clause',
  },
  {
    seq: 7,
    decisive: '処遇改善に向けた取り組みを進めます',
    label: 'implement',
    why: '補助制度を活用して労働環境・処遇の改善に取り組む / acts on pay and working conditions with national and prefectural subsidies',
  },
  {
    seq: 8,
    decisive: '割合など多面から分析していきます',
    label: 'implement',
    why: '求められた割合による評価を行う（「検討する際は」は場面で、約束ではない） / does the ratio-based analysis asked for; 検討する際 only says when',
  },
  {
    seq: 9,
    decisive: '横の連携を密にしながら取組を進めます',
    label: 'implement',
    why: '求められた3分野の密な連携を実行する / carries out the close coordination the committee asked for',
  },
  {
    seq: 10,
    decisive: 'より多くの方が利用できるように制度設計をし',
    label: 'implement',
    why: '制度設計を行い子ども・子育て会議で検証する / designs the schemes and has the council check them',
  },
];

let t: TestContext;
let meetingId: number;
beforeAll(async () => {
  t = await createTestContext();
  const res = await t.api('POST', '/api/imports', SEED_000, { 'content-type': 'text/plain; charset=utf-8' });
  expect(res.status).toBe(200);
  expect(res.body.created).toMatchObject({ opinions: 10, responses: 10 });
  meetingId = res.body.ids.meetingIds[0];
});
afterAll(async () => t.close());

const listSeqs = async (query: string, reader = t as Pick<TestContext, 'api'>) => {
  const res = await reader.api('GET', `/api/opinions?meetingId=${meetingId}&limit=200&${query}`);
  expect(res.status, query).toBe(200);
  return (res.body.items as any[]).map((o) => o.seq);
};

describe('the commitment of each response in seed 000', () => {
  it('has the ten responses we labelled, each with its decisive phrase', async () => {
    const opinions = (await t.api('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).body.items as any[];
    expect(opinions.map((o) => o.seq)).toEqual(DECIDED.map((d) => d.seq));
    for (const d of DECIDED) {
      const opinion = opinions.find((o) => o.seq === d.seq);
      expect(opinion.response.text.replace(/\s+/g, ''), `response ${d.seq}`).toContain(d.decisive.replace(/\s+/g, ''));
    }
  });

  for (const d of DECIDED) {
    it(`response ${d.seq} is ${d.label}: ${d.why}`, async () => {
      const opinion = (await t.api('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).body.items.find((o: any) => o.seq === d.seq);
      expect(deriveCommitment(opinion.response.text)).toBe(d.label);
      // The import saved what the rules derive, and the public sees the same in the published version.
      expect(opinion.response.commitment).toBe(d.label);
      expect(opinion.response.published.commitment).toBe(d.label);
    });
  }
});

describe('the commitment filter on the opinion list', () => {
  it('lists exactly the responses of each label, for staff and for the public', async () => {
    for (const label of ['implement', 'continue', 'consider', 'difficult', 'explain'] as const) {
      const expected = DECIDED.filter((d) => d.label === label).map((d) => d.seq);
      expect(await listSeqs(`commitment=${label}`), label).toEqual(expected);
      expect(await listSeqs(`commitment=${label}`, t.anonymous), `${label} (public)`).toEqual(expected);
    }
    // The label may be given in Japanese, as staff read it.
    expect(await listSeqs(`commitment=${encodeURIComponent('検討')}`)).toEqual([1, 4]);
  });

  it('follows the secretariat’s override, which survives an edit of the text', async () => {
    const opinion = (await t.api('GET', `/api/opinions?meetingId=${meetingId}&limit=200`)).body.items.find((o: any) => o.seq === 5);
    const url = `/api/opinions/${opinion.id}/response`;
    // The committee asked for a KPI, which is only studied: the secretariat holds the city to that.
    const set = await t.api('PUT', url, { text: opinion.response.text, commitment: 'consider' }, { 'If-Match': '*' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ commitment: 'consider', commitmentOverridden: true });
    const edited = await t.api('PUT', url, { text: `${opinion.response.text}なお、成果は毎年度公表します。` }, { 'If-Match': '*' });
    expect(edited.body).toMatchObject({ commitment: 'consider', commitmentOverridden: true });
    expect(await listSeqs('commitment=consider')).toEqual([1, 4, 5]);
    expect(await listSeqs('commitment=implement')).not.toContain(5);
    // The public still reads the published version, derived from its wording, until the revision is published.
    expect(await listSeqs('commitment=consider', t.anonymous)).toEqual([1, 4]);
  });
});
