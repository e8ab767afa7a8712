/**
 * Status badges. Each is text first (the label is always shown); the tone
 * only adds colour for scanning, so nothing depends on colour alone.
 */
import { html, type TemplateResult } from 'lit';
import type { Commitment, ProgressStatus, ResponseState } from '../api/types.js';
import { COMMITMENT_LABELS, RESPONSE_STATE_LABELS } from './labels.js';

/** Colour families defined in shared.styles.ts. */
export type Tone = 'success' | 'info' | 'teal' | 'warning' | 'danger' | 'neutral' | 'outline';

const STATE_TONES: Record<ResponseState, Tone> = {
  draft: 'neutral',
  submitted: 'warning',
  returned: 'danger',
  approved: 'info',
  published: 'success',
};

const PROGRESS_TONES: Record<ProgressStatus, Tone> = {
  done: 'success',
  on_track: 'teal',
  delayed: 'danger',
  not_started: 'warning',
  suspended: 'neutral',
};

/** A badge with the given text. `kind` names what it shows, for tests and styling hooks. */
export function badge(tone: Tone, text: string, kind = ''): TemplateResult {
  return html`<span class="badge tone-${tone}" data-badge=${kind}>${text}</span>`;
}

export function responseStateBadge(state: ResponseState): TemplateResult {
  return badge(STATE_TONES[state], RESPONSE_STATE_LABELS[state], 'state');
}

export function commitmentBadge(commitment: Commitment): TemplateResult {
  return badge('outline', COMMITMENT_LABELS[commitment], 'commitment');
}

/** `text` is the full label with its period: 概ね順調（令和7年度上半期）. */
export function progressBadge(status: ProgressStatus, text: string): TemplateResult {
  return badge(PROGRESS_TONES[status], text, 'progress');
}
