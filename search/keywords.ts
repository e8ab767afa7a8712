/**
 * The telling words of a Japanese text, for "more like this" queries: runs of
 * kanji, of katakana, or of Latin letters and digits, most repeated first,
 * then longest. Particles and okurigana fall away by themselves; a short list
 * of words that every opinion or response uses is dropped, since they match
 * everything.
 */
import { normalizeText } from '../api/lib/text.js';

const RUNS = /[\p{Script=Han}々]{2,}|[\p{Script=Katakana}ー]{3,}|[A-Za-z][A-Za-z0-9]+/gu;

/** Words found in nearly every opinion and response of a plan committee. */
const COMMON = new Set([
  '必要', '検討', '推進', '実施', '対応', '今後', '充実', '強化', '取組', '意見', '市民', '本市', '事業',
  '施策', '計画', '状況', '必要性', '重要', '向上', '支援', '活用', '行政', '全体', '関係', '場合',
  '整備', '可能', '促進', '確保', '設置', '調整', '利用', '実現', '継続', '課題', '現状', '場所', '方針',
  '計画的', '具体的', '積極的', '効果的', '引続', '一層', '現在', '以上', '以下', '程度', '部分',
]);

/** At most `max` keywords of `text`, best first. */
export function keywords(text: string, max = 10): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  let position = 0;
  for (const match of normalizeText(text).matchAll(RUNS)) {
    const word = match[0].toLowerCase();
    if (COMMON.has(word)) continue;
    const seen = counts.get(word);
    if (seen) seen.n++;
    else counts.set(word, { n: 1, first: position++ });
  }
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y.n - x.n || b.length - a.length || x.first - y.first)
    .slice(0, max)
    .map(([word]) => word);
}
