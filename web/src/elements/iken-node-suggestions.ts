/**
 * 結び付ける施策の候補 (on an opinion's page, for staff): plan nodes the
 * opinion might concern, from GET /api/opinions/{id}/suggested-nodes. The
 * secretariat links one with 「結び付ける」 (PATCH /api/opinions/{id} with the
 * opinion's nodeIds plus that node) and the page is told to load the opinion
 * again (`iken-opinion-updated`); a department sees the same list without
 * the buttons (the API refuses them the change).
 */
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { ApiClient } from '../api/api-client.js';
import type { NodeSuggestions, Opinion, OpinionNodeRef } from '../api/types.js';
import { opinionUpdatedEvent } from '../events.js';
import { badge } from '../lib/badges.js';
import { codeAndTitle } from '../lib/format.js';
import { ariaBusy, errorMessage, errorView, loadingView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { nodeSuggestionsStyles } from './iken-node-suggestions.styles.js';

/** How many candidates to list. */
const LIMIT = 5;

export class IkenNodeSuggestions extends LitElement {
  static override styles = [sharedStyles, formStyles, nodeSuggestionsStyles];

  static override properties = {
    opinion: { attribute: false },
    canLink: { type: Boolean, attribute: 'can-link' },
    busyId: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  /** The opinion the candidates are for, as the page last loaded it. */
  declare opinion: Opinion | null;
  /** True for the secretariat: each unlinked candidate gets a 「結び付ける」 button. */
  declare canLink: boolean;
  /** The node being linked, while the request is under way. */
  declare busyId: number | null;
  /** The last success, announced politely. */
  declare notice: string;
  /** The last refusal of a link. */
  declare failure: unknown;

  readonly #api: ApiHandle;
  readonly #suggestions: Task<[ApiClient | undefined, number], NodeSuggestions>;

  constructor() {
    super();
    this.opinion = null;
    this.canLink = false;
    this.busyId = null;
    this.notice = '';
    this.failure = null;
    this.#api = consumeApi(this);
    this.#suggestions = new Task(this, {
      // Keyed by the id alone: reloading the opinion after a link keeps the list as it is.
      task: async ([api, id], { signal }) => (api && id ? api.suggestedNodes(id, LIMIT, signal) : initialState),
      args: () => [this.#api.value, this.opinion?.id ?? 0],
    });
  }

  /** Linked now: the opinion on hand (reloaded after each change) says so, fresher than the list's own flag. */
  #isLinked(node: OpinionNodeRef, listedLinked: boolean): boolean {
    return this.opinion ? this.opinion.nodeIds.includes(node.id) : listedLinked;
  }

  async #link(node: OpinionNodeRef): Promise<void> {
    const opinion = this.opinion;
    if (!opinion || this.busyId !== null) return;
    this.busyId = node.id;
    this.notice = '';
    this.failure = null;
    try {
      const updated = await requireApi(this.#api).updateOpinion(opinion.id, { nodeIds: [...opinion.nodeIds, node.id] });
      // Shown as linked at once; the page's reload brings the same opinion back.
      this.opinion = updated;
      this.notice = `「${codeAndTitle(node)}」を結び付けました。`;
      this.dispatchEvent(opinionUpdatedEvent(updated));
    } catch (error) {
      this.failure = error;
    } finally {
      this.busyId = null;
    }
    await this.updateComplete;
    // The button is gone (or refused): keep the keyboard where it was, on the item or on the error.
    const target = this.failure ? '#suggestion-error' : `#suggestion-${node.id}-state`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #item(node: OpinionNodeRef, listedLinked: boolean): TemplateResult {
    const linked = this.#isLinked(node, listedLinked);
    return html`
      <li class="suggestion" data-suggested-node=${node.id} data-linked=${linked ? 'true' : 'false'}>
        <div class="what">
          <p class="level">${node.level}${node.parent ? html`<span class="parent">${codeAndTitle(node.parent)}</span>` : nothing}</p>
          <p class="title"><a href="/nodes/${node.id}">${codeAndTitle(node)}</a></p>
        </div>
        <div class="how">
          ${linked
            ? html`<span id="suggestion-${node.id}-state" tabindex="-1" data-linked-mark>${badge('success', '結び付け済み', 'linked')}</span>`
            : this.canLink
              ? html`<button
                  type="button"
                  class="secondary"
                  aria-label=${`結び付ける：${codeAndTitle(node)}`}
                  ?disabled=${this.busyId !== null}
                  @click=${() => void this.#link(node)}
                >
                  ${this.busyId === node.id ? '結び付けています…' : '結び付ける'}
                </button>`
              : nothing}
        </div>
      </li>
    `;
  }

  #content(): unknown {
    return this.#suggestions.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => html`<p class="muted" data-suggestions-error>施策の候補を表示できませんでした。${errorMessage(error)}</p>`,
      complete: ({ items, degraded }) => html`
        ${degraded ? html`<p class="muted small" data-degraded>検索エンジンに接続できないため、簡易的な一致で選んでいます。</p>` : nothing}
        ${items.length
          ? html`<ul class="suggestions">${items.map((s) => this.#item(s.node, s.linked))}</ul>`
          : html`<p class="muted" data-no-suggestions>施策の候補は見つかりませんでした。</p>`}
      `,
    });
  }

  override render(): TemplateResult {
    return html`
      <div aria-busy=${ariaBusy(this.#suggestions)}>${this.#content()}</div>
      <p class="notice" role="status" aria-live="polite" data-suggestion-notice>${this.busyId !== null ? '結び付けています…' : this.notice}</p>
      ${this.failure ? html`<div id="suggestion-error" tabindex="-1">${errorView(this.failure)}</div>` : nothing}
    `;
  }
}

customElements.define('iken-node-suggestions', IkenNodeSuggestions);

declare global {
  interface HTMLElementTagNameMap {
    'iken-node-suggestions': IkenNodeSuggestions;
  }
}
