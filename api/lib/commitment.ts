/**
 * What a response commits the city to, read from its wording.
 *
 * The text is read on its NFKC form, list marks (・ →) dropped, and split into
 * sentences at 。 and line breaks. Each sentence gets one commitment; the
 * first rule that matches decides:
 *  1. `difficult` — it says the request is hard or will not be done:
 *     困難, 難しい, できません, 予定はありません, 考えておりません, 見込みはありません.
 *  2. `consider` — its closing verb is a study: 検討, 研究, 調査 followed by
 *     します / してまいります / していきます / を進めます … at the end.
 *  3. `continue` — it carries on existing work (引き続き, 継続, 今後も) and
 *     ends in a promise (see 5; 今後も…見込まれます promises nothing).
 *  4. `consider` — a study verb in the volitional form anywhere in it
 *     (検討してまいります, 研究を行います …) when no action verb (行います,
 *     実施します, 開始します, 導入します) is promised beside it.
 *  5. `implement` — it ends in the polite volitional form (ます / まいります /
 *     いきます) of something the city does: 制度設計を行ってまいります,
 *     取組を進めます, PRを図ります, 分析していきます. Endings that describe a
 *     state or what happens to the city are not actions: おります,
 *     ございます, あります, なります, 考えます, 思います, 存じます,
 *     認識しています, 受けます (影響を受けます), できます, and the passive
 *     (…られます, …されます, …まれます: 求められます, 見込まれます).
 *  6. otherwise `explain` — the sentence describes or explains (認識しております).
 *
 * Within a sentence only its closing predicate counts: clauses joined by
 * とともに, し or ながら are the means or the setting of the promise the
 * sentence ends with (…新産業の創出等を図るとともに、…場を検討してまいります
 * is `consider`; 先進事例について研究をするとともに、…PRを図ります is `implement`).
 *
 * When a response promises several things (several sentences), the
 * strongest commitment among its sentences wins, in the order
 * implement > continue > consider > difficult > explain. A concrete action
 * is what committee members will hold the city to, even when the same
 * response also promises to study something else (…事業の充実を図ります。
 * また、…新たなKPIを検討してまいります is `implement`); a study still
 * outweighs a mere description or a refusal of one part. Where the wording
 * misleads, the secretariat sets the commitment by hand and that choice is
 * kept when the text is edited.
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
/** Endings in ます that describe a state or what befalls the city rather than an action of its own. */
const NOT_OWN_ACTION = /(存じます|受けます|できます|[らさま]れます)$/;

/** The sentence ends in the volitional form of something the city does, not in a description. */
function endsInPromise(sentence: string): boolean {
  return ACTION_END.test(sentence) && !NOT_ACTION.test(sentence) && !NOT_OWN_ACTION.test(sentence);
}

/** Classifies one sentence. */
function classifySentence(sentence: string): Commitment {
  if (DIFFICULT.test(sentence)) return 'difficult';
  if (CONSIDER.test(sentence)) return 'consider';
  if (CONTINUE.test(sentence) && endsInPromise(sentence)) return 'continue';
  if (CONSIDER_LOOSE.test(sentence) && !/(行います|実施します|開始します|導入します)/.test(sentence)) return 'consider';
  if (endsInPromise(sentence)) return 'implement';
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
