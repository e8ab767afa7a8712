/**
 * What a response commits the city to, read from its wording.
 *
 * The rules, applied to each sentence (split at 。) on its NFKC form:
 *  1. `difficult` — the sentence says the request is hard or will not be done:
 *     困難, 難しい, できません, 予定はありません, 考えておりません.
 *  2. `consider` — its closing verb is a study: 検討, 研究, 調査 followed by
 *     します / してまいります / していきます / を進めます.
 *  3. `continue` — it carries on existing work: 引き続き, 継続, 今後も.
 *  4. `implement` — it ends in an action verb in the volitional polite form:
 *     実施 / 行 / 開始 / 進め / 図 / 導入 / 整備 / 推進 / 取り組 / 展開 / 分析 /
 *     目指 / 設計 … + ます / まいります / いきます.
 *  5. otherwise `explain` — the sentence describes or explains (認識しております).
 *
 * When a response says several things, the strongest commitment wins, in the
 * order implement > continue > consider > difficult > explain: a concrete
 * promise is what committee members will hold the city to, even when the same
 * response also promises to study something else.
 */
import type { Commitment } from '../../db/schema.js';
import { normalizeText } from './text.js';

export const COMMITMENT_STRENGTH: readonly Commitment[] = ['implement', 'continue', 'consider', 'difficult', 'explain'];

const DIFFICULT = /困難|難しい|できません|予定はありません|考えておりません|見込みはありません/;
const CONSIDER = /(検討|研究|調査)(を進め|して|し|を行っ|いた)?(ます|まいります|いきます|参ります|ていきます|てまいります)$/;
const CONSIDER_LOOSE = /(検討|研究)(してまいります|していきます|します|を進めます|を行います|いたします)/;
const CONTINUE = /引き続き|継続|今後も/;
const ACTION_END = /(ます|まいります|いきます|参ります)$/;
const NOT_ACTION = /(おります|ございます|あります|なります|考えます|認識しています|思います)$/;

/** Classifies one sentence. */
function classifySentence(sentence: string): Commitment {
  if (DIFFICULT.test(sentence)) return 'difficult';
  if (CONSIDER.test(sentence)) return 'consider';
  if (CONTINUE.test(sentence) && ACTION_END.test(sentence) && !NOT_ACTION.test(sentence)) return 'continue';
  if (CONSIDER_LOOSE.test(sentence) && !/(行います|実施します|開始します|導入します)/.test(sentence)) return 'consider';
  if (ACTION_END.test(sentence) && !NOT_ACTION.test(sentence)) return 'implement';
  return 'explain';
}

/** Derives the commitment of a response text. Empty text is `explain`. */
export function deriveCommitment(text: string): Commitment {
  const sentences = normalizeText(text)
    .replace(/^[・→\s]+/gm, '')
    .split(/[。\n]/)
    .map((s) => s.trim().replace(/[）)」』]+$/, ''))
    .filter(Boolean);
  let best: Commitment = 'explain';
  for (const sentence of sentences) {
    const c = classifySentence(sentence);
    if (COMMITMENT_STRENGTH.indexOf(c) < COMMITMENT_STRENGTH.indexOf(best)) best = c;
  }
  return best;
}
