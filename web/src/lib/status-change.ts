/**
 * How a period's status moved from the period before, in words and an arrow
 * (↑ 改善, ↓ 悪化, → 変化なし), so the change never rests on colour alone.
 * The rule itself (済 > 概ね順調 > 遅れ > 未着手 > 休止) is the API's
 * (db/follow-through.ts); the page only names the answer.
 */
import { html, type TemplateResult } from 'lit';
import type { StatusChange } from '../api/types.js';

/** The arrow and the word for each change. */
export const CHANGE_LABELS: Record<StatusChange, { arrow: string; text: string }> = {
  first: { arrow: '', text: '初回の報告' },
  improved: { arrow: '↑', text: '改善' },
  worsened: { arrow: '↓', text: '悪化' },
  unchanged: { arrow: '→', text: '変化なし' },
};

/** "↑ 改善" (or "初回の報告"): the change as one line of text. */
export function changeText(change: StatusChange): string {
  const { arrow, text } = CHANGE_LABELS[change];
  return arrow ? `${arrow} ${text}` : text;
}

/** The change as a small marked-up label; the arrow is hidden from screen readers, which read the word. */
export function changeView(change: StatusChange): TemplateResult {
  const { arrow, text } = CHANGE_LABELS[change];
  return html`<span class="change change-${change}" data-change=${change}>${arrow ? html`<span aria-hidden="true">${arrow} </span>` : ''}${text}</span>`;
}
