/**
 * The search page (/search): opinions with the city's responses, plan nodes
 * and indicators, for everyone (the API finds for each reader only what they
 * may read).
 *
 * It searches as you type, 300 ms after the last keystroke, and aborts the
 * request still under way when the words change, so typing a word sends one
 * request rather than one per character; Enter searches at once. The answer's
 * facet counts become toggle buttons (one value per field), with the order
 * (関連度順 / 新しい順) and 20 hits a page. Everything shown lives in the
 * address: typing replaces the history entry, a filter, the order or a page
 * adds one (so Back undoes it), and a reload or a shared link shows the same.
 * Snippets are rendered as text with <mark> elements, never as HTML.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { ApiClient } from '../api/api-client.js';
import type { Department, Meeting, SearchHit, SearchResult, SearchSort } from '../api/types.js';
import { badge } from '../lib/badges.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { PopStateController } from '../lib/pop-state-controller.js';
import {
  FACET_FIELDS,
  FACET_NAMES,
  MAX_PAGE,
  PAGE_SIZE,
  SEARCH_TYPE_LABELS,
  SORT_LABELS,
  facetOptions,
  facetValueLabel,
  hasQuery,
  hitHref,
  parseSearchState,
  searchParams,
  searchStateQuery,
  toggleFilter,
  type FacetField,
  type FacetNames,
  type FacetOption,
  type SearchState,
} from '../lib/search-query.js';
import { snippetParts } from '../lib/snippet-parts.js';
import { errorView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { toggleButtonStyles } from '../styles/toggle-button.styles.js';
import { searchPageStyles } from './iken-search-page.styles.js';

/** How long typing must pause before a search is sent. */
const DEBOUNCE_MS = 300;

const TITLE = '検索';

/** What the results area shows: the answer, and the state it answers (not the words being typed now). */
interface SearchView {
  state: SearchState;
  result: SearchResult;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the words changed meanwhile). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export class IkenSearchPage extends LitElement {
  static override styles = [sharedStyles, formStyles, toggleButtonStyles, searchPageStyles];

  static override properties = {
    state: { state: true },
    facetsOpen: { state: true },
  };

  /** The words, filters, order and page on screen (and in the address). */
  declare state: SearchState;
  /** On a phone the toggles fold away under 「絞り込みを表示」 so the results come first into view; wider screens always show them. */
  declare facetsOpen: boolean;

  readonly #api: ApiHandle;
  readonly #search: Task<[ApiClient | undefined, SearchState], SearchView>;
  readonly #names: Task<[ApiClient | undefined], FacetNames>;
  /** True when the next search comes from typing and waits for a pause. */
  #debounce = false;
  /** The toggle just pressed, to keep focus on it when the facets are redrawn. */
  #pressed: { field: FacetField; value: string } | null = null;
  /** Set by paging: focus goes to the results heading once the new page is on screen. */
  #focusResults = false;

  constructor() {
    super();
    this.state = parseSearchState(location.search);
    this.facetsOpen = false;
    this.#api = consumeApi(this);
    this.#search = new Task(this, {
      // The Task aborts the signal of a run still under way when the next one
      // starts, which cancels both the pause and the request.
      task: async ([api, state], { signal }) => {
        if (!api || !hasQuery(state)) return initialState;
        if (this.#debounce) {
          this.#debounce = false;
          await pause(DEBOUNCE_MS, signal);
        }
        const result = await api.search(searchParams(state), signal);
        return { state, result };
      },
      args: () => [this.#api.value, this.state],
    });
    this.#names = new Task(this, {
      task: async ([api], { signal }) => {
        if (!api) return initialState;
        const [meetings, departments] = await Promise.all([
          api.listMeetings(signal).catch((): Meeting[] => []),
          api.listDepartments(signal).catch((): Department[] => []),
        ]);
        return { meetings: new Map(meetings.map((m) => [m.id, m])), departments: new Map(departments.map((d) => [d.id, d])) };
      },
      args: () => [this.#api.value],
    });
    new PageReadyController(this, () => TITLE);
    new PopStateController(this, this.#onPopState);
  }

  /** Back or Forward within the search page: show what the address says. */
  #onPopState = (): void => {
    if (location.pathname.replace(/\/+$/, '') !== '/search') return;
    this.#debounce = false;
    this.state = parseSearchState(location.search);
  };

  /**
   * Shows `next` and writes it into the address: `push` adds a history entry
   * (a filter, the order, a page), otherwise the entry is replaced (typing).
   */
  #go(next: SearchState, push: boolean): void {
    this.state = next;
    const url = `${location.pathname}${searchStateQuery(next)}`;
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #onInput(event: InputEvent): void {
    // While an IME is composing (かな漢字変換), the text is not final: wait for compositionend.
    if (event.isComposing) return;
    this.#typed((event.target as HTMLInputElement).value);
  }

  #typed(q: string): void {
    if (q === this.state.q) return;
    this.#debounce = true;
    this.#go({ ...this.state, q, page: 1 }, false);
  }

  /** Enter (or the 検索 button): search now, without waiting for the pause. */
  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search-q');
    const q = input?.value ?? this.state.q;
    this.#debounce = false;
    if (q !== this.state.q) this.#go({ ...this.state, q, page: 1 }, false);
    else if (hasQuery(this.state)) void this.#search.run();
  }

  #onToggle(field: FacetField, value: string): void {
    this.#debounce = false;
    this.#pressed = { field, value };
    this.#go(toggleFilter(this.state, field, value), true);
  }

  #clearFilters(): void {
    this.#debounce = false;
    this.#go({ ...this.state, filters: {}, page: 1 }, true);
    void this.#focus('#search-q');
  }

  #onSort(event: Event): void {
    this.#debounce = false;
    this.#go({ ...this.state, sort: (event.target as HTMLSelectElement).value as SearchSort, page: 1 }, true);
  }

  #toPage(page: number): void {
    this.#debounce = false;
    this.#focusResults = true;
    this.#go({ ...this.state, page }, true);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  override updated(): void {
    const status = this.#search.status;
    if (status === TaskStatus.PENDING) return;
    if (status === TaskStatus.COMPLETE) {
      if (this.#focusResults) {
        const heading = this.renderRoot.querySelector<HTMLElement>('#results-heading');
        heading?.focus();
        heading?.scrollIntoView({ block: 'start' });
      }
      const pressed = this.#pressed;
      // The facets were redrawn from the new answer. When that took focus away
      // (the pressed toggle moved or went), put it back on the toggle; when the
      // person has moved on meanwhile, leave it where they put it.
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (pressed && lost) {
        const selector = `button[data-facet="${pressed.field}"][data-value="${CSS.escape(pressed.value)}"]`;
        this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
      }
    }
    // Settled (shown, failed, or the box was cleared): nothing is waiting for focus any more.
    this.#focusResults = false;
    this.#pressed = null;
  }

  // --- Views -------------------------------------------------------------------

  #form(): TemplateResult {
    return html`
      <form role="search" class="search-form" novalidate @submit=${this.#onSubmit}>
        <label for="search-q">検索する言葉</label>
        <p class="hint" id="search-hint">意見と市の対応方針、計画の施策、指標から探します。入力すると自動で検索します。複数の言葉は空白で区切ってください。</p>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            maxlength="200"
            autocomplete="off"
            enterkeyhint="search"
            aria-describedby="search-hint"
            .value=${this.state.q}
            @input=${this.#onInput}
            @compositionend=${(e: CompositionEvent) => this.#typed((e.target as HTMLInputElement).value)}
          />
          <button type="submit">検索</button>
        </div>
      </form>
    `;
  }

  /** The text announced politely after each search: the words and how many hits. */
  #statusText(view: SearchView | undefined): string {
    if (!hasQuery(this.state) || !view) return '';
    if (this.#search.status === TaskStatus.ERROR) return '';
    const { state, result } = view;
    const q = state.q.trim();
    if (result.total === 0) return `「${q}」に一致するものは見つかりませんでした。`;
    const from = (state.page - 1) * PAGE_SIZE + 1;
    const to = Math.min(from + result.hits.length - 1, result.total);
    const range = result.total > PAGE_SIZE ? `（${from}〜${to}件目を表示）` : '';
    return `「${q}」の検索結果：${result.total}件${range}`;
  }

  /** One facet: its name and a toggle per value, each with its count. */
  #facetGroup(field: FacetField, options: FacetOption[], names: FacetNames): TemplateResult {
    return html`
      <div class="facet" role="group" aria-labelledby="facet-${field}">
        <h3 id="facet-${field}">${FACET_NAMES[field]}</h3>
        <ul class="toggles">
          ${repeat(
            options,
            (o) => o.value,
            (o) => html`<li>
              <button
                type="button"
                class="toggle"
                aria-pressed=${o.selected ? 'true' : 'false'}
                data-facet=${field}
                data-value=${o.value}
                @click=${() => this.#onToggle(field, o.value)}
              >
                <span class="toggle-label">${facetValueLabel(field, o.value, names)}</span>
                <span class="count">${o.count}件</span>
              </button>
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  #facets(view: SearchView, names: FacetNames): TemplateResult {
    const selected = this.state.filters;
    const count = Object.keys(selected).length;
    const groups = FACET_FIELDS.map((field) => ({ field, options: facetOptions(field, view.result.facets[field], selected[field]) }));
    return html`
      <section class="facets" aria-labelledby="facets-heading" data-facets>
        <div class="facets-head">
          <h2 id="facets-heading">絞り込み${count ? html`<span class="selected-count">（${count}件選択中）</span>` : nothing}</h2>
          ${count ? html`<button type="button" class="link-button" @click=${this.#clearFilters}>すべて解除</button>` : nothing}
        </div>
        ${count
          ? html`<p class="chosen">
              ${FACET_FIELDS.filter((f) => selected[f] !== undefined)
                .map((f) => `${FACET_NAMES[f]}：${facetValueLabel(f, selected[f]!, names)}`)
                .join('、')}
            </p>`
          : nothing}
        <button
          type="button"
          class="secondary facets-toggle"
          aria-expanded=${this.facetsOpen ? 'true' : 'false'}
          aria-controls="facet-groups"
          @click=${() => (this.facetsOpen = !this.facetsOpen)}
        >
          ${this.facetsOpen ? '絞り込みの項目を隠す' : '絞り込みの項目を表示'}
        </button>
        <div id="facet-groups" class="facet-groups ${this.facetsOpen ? 'open' : ''}">
          <p class="hint">押すと絞り込み、もう一度押すと解除します。</p>
          ${groups.filter((g) => g.options.length > 0).map((g) => this.#facetGroup(g.field, g.options, names))}
        </div>
      </section>
    `;
  }

  #snippet(snippet: string): TemplateResult {
    return html`<p class="snippet">${snippetParts(snippet).map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text))}</p>`;
  }

  #hit(hit: SearchHit, href: string | null): TemplateResult {
    return html`
      <li class="hit" data-hit-type=${hit.type} data-hit-id=${hit.id}>
        <p class="hit-type">${badge('outline', SEARCH_TYPE_LABELS[hit.type], 'type')}</p>
        <h3>${href ? html`<a href=${href}>${hit.title}</a>` : hit.title}</h3>
        ${hit.snippet ? this.#snippet(hit.snippet) : nothing}
      </li>
    `;
  }

  #pager(view: SearchView): TemplateResult | typeof nothing {
    const pages = Math.min(Math.ceil(view.result.total / PAGE_SIZE), MAX_PAGE);
    if (pages <= 1) return nothing;
    const page = view.state.page;
    return html`
      <nav class="pager" aria-label="検索結果のページ">
        <button type="button" class="secondary" ?disabled=${page <= 1} @click=${() => this.#toPage(page - 1)}>前へ</button>
        <span class="page-of">${page} / ${pages} ページ</span>
        <button type="button" class="secondary" ?disabled=${page >= pages} @click=${() => this.#toPage(page + 1)}>次へ</button>
      </nav>
    `;
  }

  #results(view: SearchView): TemplateResult {
    const { result, state } = view;
    const busy = this.#search.status === TaskStatus.PENDING;
    const first = (state.page - 1) * PAGE_SIZE + 1;
    return html`
      <section class="results" aria-labelledby="results-heading" aria-busy=${busy ? 'true' : 'false'}>
        <div class="results-head">
          <h2 id="results-heading" tabindex="-1">検索結果 <span class="total" data-total>${result.total}件</span></h2>
          <div class="sort">
            <label for="search-sort">並び順</label>
            <select id="search-sort" .value=${this.state.sort} @change=${this.#onSort}>
              ${(Object.keys(SORT_LABELS) as SearchSort[]).map(
                (sort) => html`<option value=${sort} ?selected=${this.state.sort === sort}>${SORT_LABELS[sort]}</option>`,
              )}
            </select>
          </div>
        </div>
        ${result.degraded
          ? html`<p class="degraded" data-degraded>検索エンジンに接続できないため、簡易検索（部分一致）で表示しています。</p>`
          : nothing}
        ${result.hits.length
          ? html`<ol class="hits" start=${first}>${result.hits.map((hit) => this.#hit(hit, hitHref(hit)))}</ol>`
          : html`<div class="empty" data-no-results>
              <p>一致するものは見つかりませんでした。</p>
              <ul>
                <li>言葉を短くするか、別の言い方で試してください。</li>
                ${Object.keys(state.filters).length ? html`<li>絞り込みを解除すると見つかることがあります。</li>` : nothing}
              </ul>
            </div>`}
        ${this.#pager(view)}
      </section>
    `;
  }

  #body(): TemplateResult {
    if (!hasQuery(this.state))
      return html`<div class="start" data-search-hint>
        <p>検索する言葉を入力してください。意見の本文、市の対応方針、計画の施策の名前や説明、指標の名前から探します。</p>
        <p>検索した後で、種類・年度・会議・担当課・状態で絞り込めます。</p>
      </div>`;
    if (this.#search.status === TaskStatus.ERROR) return errorView(this.#search.error);
    const view = this.#search.value;
    if (!view) return html`<p class="status" aria-busy="true">検索しています…</p>`;
    const names = this.#names.value ?? { meetings: new Map(), departments: new Map() };
    return html`<div class="layout">${this.#facets(view, names)} ${this.#results(view)}</div>`;
  }

  override render(): TemplateResult {
    // The Task keeps its last answer while the next one is on its way; the
    // answer for other words is not shown once the box is cleared.
    const view = hasQuery(this.state) ? this.#search.value : undefined;
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        ${this.#form()}
      </div>
      <p class="result-status" role="status" aria-live="polite" data-search-status>${this.#statusText(view)}</p>
      ${this.#body()}
    `;
  }
}

customElements.define('iken-search-page', IkenSearchPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-search-page': IkenSearchPage;
  }
}
