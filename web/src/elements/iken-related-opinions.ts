/**
 * 他の会議での関連する意見 (on an opinion's page, for everyone): opinions
 * raised at other meetings that say something alike, from
 * GET /api/opinions/{id}/related. Each names its meeting and number, shows
 * the start of its text and where its response stands, and links to it.
 * The API answers each reader with only what they may read.
 */
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, type ApiHandle } from '../api/api-context.js';
import type { ApiClient } from '../api/api-client.js';
import type { Meeting, Opinion, RelatedOpinions } from '../api/types.js';
import { progressBadge, responseStateBadge } from '../lib/badges.js';
import { excerpt, formatDate, formatFiscalYear, formatProgress } from '../lib/format.js';
import { ariaBusy, errorMessage, loadingView } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { relatedOpinionsStyles } from './iken-related-opinions.styles.js';

/** How many related opinions to list. */
const LIMIT = 5;

interface RelatedView {
  related: RelatedOpinions;
  meetings: ReadonlyMap<number, Meeting>;
}

export class IkenRelatedOpinions extends LitElement {
  static override styles = [sharedStyles, relatedOpinionsStyles];

  static override properties = {
    opinionId: { type: Number, attribute: 'opinion-id' },
  };

  /** The opinion whose relatives are listed. */
  declare opinionId: number;

  readonly #api: ApiHandle;
  readonly #related: Task<[ApiClient | undefined, number], RelatedView>;

  constructor() {
    super();
    this.opinionId = 0;
    this.#api = consumeApi(this);
    this.#related = new Task(this, {
      task: async ([api, id], { signal }) => {
        if (!api || !id) return initialState;
        const [related, meetings] = await Promise.all([
          api.relatedOpinions(id, LIMIT, signal),
          // Only for the meetings' names: without them each item still shows its number.
          api.listMeetings(signal).catch((): Meeting[] => []),
        ]);
        return { related, meetings: new Map(meetings.map((m) => [m.id, m])) };
      },
      args: () => [this.#api.value, this.opinionId],
    });
  }

  /** The meeting as a reader recognises it: its title, else its date, else its fiscal year. */
  #meetingName(opinion: Opinion, meetings: ReadonlyMap<number, Meeting>): string {
    const meeting = meetings.get(opinion.meetingId);
    if (!meeting) return '別の会議';
    if (meeting.title) return meeting.title;
    return meeting.heldOn ? formatDate(meeting.heldOn) : formatFiscalYear(meeting.fiscalYear);
  }

  #item(opinion: Opinion, meetings: ReadonlyMap<number, Meeting>): TemplateResult {
    const response = opinion.response;
    const progress = opinion.latestProgress;
    return html`
      <li class="related-item" data-related-id=${opinion.id}>
        <p class="related-title">
          <a href="/opinions/${opinion.id}"><span class="meeting">${this.#meetingName(opinion, meetings)}</span> 意見${opinion.seq}</a>
        </p>
        <p class="related-text">${excerpt(opinion.text)}</p>
        ${response || progress
          ? html`<p class="badges">
              ${response ? responseStateBadge(response.published ? 'published' : response.state) : nothing}
              ${progress ? progressBadge(progress.status, formatProgress(progress)) : nothing}
            </p>`
          : nothing}
      </li>
    `;
  }

  #content(): unknown {
    return this.#related.render({
      initial: loadingView,
      pending: loadingView,
      // A side panel: its failure is said quietly, the rest of the page stays as it is.
      error: (error) => html`<p class="muted" data-related-error>関連する意見を表示できませんでした。${errorMessage(error)}</p>`,
      complete: ({ related, meetings }) => html`
        ${related.degraded
          ? html`<p class="muted small" data-degraded>検索エンジンに接続できないため、簡易的な一致で選んでいます。</p>`
          : nothing}
        ${related.items.length
          ? html`<ul class="related">${related.items.map((o) => this.#item(o, meetings))}</ul>`
          : html`<p class="muted" data-no-related>関連する意見は見つかりませんでした。</p>`}
      `,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#related)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-related-opinions', IkenRelatedOpinions);

declare global {
  interface HTMLElementTagNameMap {
    'iken-related-opinions': IkenRelatedOpinions;
  }
}
