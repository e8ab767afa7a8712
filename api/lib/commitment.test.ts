import { describe, expect, it } from 'vitest';
import { deriveCommitment } from './commitment.js';

describe('deriveCommitment', () => {
  it('reads a study as consider', () => {
    expect(deriveCommitment('各種計画の見直しを通じて検討してまいります。')).toBe('consider');
    expect(deriveCommitment('・新たな指標の設定について研究してまいります。')).toBe('consider');
  });

  it('reads a concrete action as implement', () => {
    expect(deriveCommitment('事業者ニーズを捉えた制度設計を行ってまいります。')).toBe('implement');
    expect(deriveCommitment('令和7年度から窓口を一本化し、案内を開始します。')).toBe('implement');
  });

  it('reads carrying on as continue', () => {
    expect(deriveCommitment('引き続き関係機関と連携して周知を進めてまいります。')).toBe('continue');
  });

  it('reads a refusal as difficult', () => {
    expect(deriveCommitment('財源の確保が難しく、現時点での実施は困難です。')).toBe('difficult');
  });

  it('reads a description as explain', () => {
    expect(deriveCommitment('本市では製造業と卸小売業が基幹産業であると認識しております。')).toBe('explain');
    expect(deriveCommitment('')).toBe('explain');
  });

  it('lets the strongest concrete promise win', () => {
    // A study plus a concrete action: the action is what the city will be held to.
    expect(deriveCommitment('支援の充実を図ります。また、新たな指標を検討してまいります。')).toBe('implement');
    // An explanation plus a study: the study.
    expect(deriveCommitment('製造業が基幹産業であると認識しております。今後、計画の見直しを通じて検討してまいります。')).toBe(
      'consider',
    );
  });

  it('does not take a description ending in ます for an action of the city', () => {
    // Something that happens to the city, a passive and a possibility describe; they promise nothing.
    expect(deriveCommitment('他産業の発展は基幹産業の動向に影響を受けます。')).toBe('explain');
    expect(deriveCommitment('今後も利用者の増加が見込まれます。')).toBe('explain');
    expect(deriveCommitment('窓口ではオンラインでも申請できます。')).toBe('explain');
    // So a description before a study leaves the study as the promise.
    expect(deriveCommitment('基幹産業であると認識しております。一方で、他産業は基幹産業の影響を受けます。今後、検討してまいります。')).toBe('consider');
    // A verb that only looks like a passive is still an action.
    expect(deriveCommitment('利用者の声を計画に取り入れます。')).toBe('implement');
  });

  it('reads a sentence by its closing predicate, not by the clauses before it', () => {
    expect(deriveCommitment('研究会の運営をベースに新産業の創出等を図るとともに、共同研究の場を検討してまいります。')).toBe('consider');
    expect(deriveCommitment('先進事例について研究をするとともに、PRを図ります。')).toBe('implement');
    // 検討 as the occasion of an action, not the promise.
    expect(deriveCommitment('支援策を検討する際は、割合など多面から分析していきます。')).toBe('implement');
  });

  it('normalises full-width text first', () => {
    expect(deriveCommitment('ＫＰＩを検討してまいります。')).toBe('consider');
  });
});
