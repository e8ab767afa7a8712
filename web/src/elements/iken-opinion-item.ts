/**
 * One opinion as the 実施結果報告書 prints it: "○" and the opinion, then
 * "(対応方針)" and the city's response, with the response's state,
 * commitment, department, due date and latest progress.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Opinion } from '../api/types.js';
import { commitmentBadge, progressBadge, responseStateBadge } from '../lib/badges.js';
import { codeAndTitle, formatDate, formatDepartment, formatProgress } from '../lib/format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { opinionItemStyles } from './iken-opinion-item.styles.js';

export class IkenOpinionItem extends LitElement {
  static override styles = [sharedStyles, opinionItemStyles];

  static override properties = {
    opinion: { attribute: false },
  };

  /** The opinion, as GET /api/opinions gives it. */
  declare opinion: Opinion | undefined;

  constructor() {
    super();
    this.opinion = undefined;
  }

  /**
   * The page is the published report: it shows the response the city
   * published, never a draft. A response not yet published is named as such;
   * a revision under way is mentioned beside the published text.
   */
  #response(opinion: Opinion): TemplateResult {
    const response = opinion.response;
    const published = response?.published ?? null;
    const revising = response !== null && published !== null && response.version !== published.version;
    let body: TemplateResult;
    if (!response) body = html`<p class="response-missing">対応方針は未作成です</p>`;
    else if (!published) body = html`<p class="response-missing">対応方針は作成中です（未公開）</p>`;
    else
      body = html`<p class="response-text">${published.text}</p>
        ${revising ? html`<p class="response-missing">この対応方針は改訂中です（第${response.version}版を作成中）。</p>` : nothing}`;
    return html`
      <div class="response">
        <p class="response-label">(対応方針)</p>
        ${body}
      </div>
    `;
  }

  #meta(opinion: Opinion): TemplateResult {
    const { response, latestProgress } = opinion;
    return html`
      <dl class="facts meta">
        ${response
          ? html`
              <div><dt>状態</dt><dd>${responseStateBadge(response.published ? 'published' : response.state)}</dd></div>
              ${response.published
                ? html`<div><dt>対応区分</dt><dd>${commitmentBadge(response.published.commitment)}</dd></div>`
                : nothing}
            `
          : nothing}
        <div><dt>担当課</dt><dd>${opinion.department ? formatDepartment(opinion.department) : '未設定'}</dd></div>
        <div><dt>対応期限</dt><dd>${opinion.dueOn ? formatDate(opinion.dueOn) : '未設定'}</dd></div>
        <div>
          <dt>取組状況</dt>
          <dd>${latestProgress ? progressBadge(latestProgress.status, formatProgress(latestProgress)) : '取組状況の報告なし'}</dd>
        </div>
      </dl>
    `;
  }

  #notes(opinion: Opinion): TemplateResult | typeof nothing {
    const note = opinion.latestProgress?.note;
    // The opinion is listed under its first measure only; name the others here.
    const others = opinion.nodes.slice(1);
    if (!note && others.length === 0) return nothing;
    return html`
      <div class="notes">
        ${note ? html`<p><span class="label">取組の内容</span>${note}</p>` : nothing}
        ${others.length
          ? html`<p><span class="label">ほかに関連する施策</span>${others.map(codeAndTitle).join('、')}</p>`
          : nothing}
      </div>
    `;
  }

  override render(): TemplateResult | typeof nothing {
    const opinion = this.opinion;
    if (!opinion) return nothing;
    const headingId = `opinion-${opinion.id}`;
    return html`
      <article aria-labelledby=${headingId}>
        <h3 class="number" id=${headingId}><a href="/opinions/${opinion.id}">意見 ${opinion.seq}</a></h3>
        <p class="opinion-text"><span class="marker" aria-hidden="true">○</span>${opinion.text}</p>
        ${this.#response(opinion)} ${this.#meta(opinion)} ${this.#notes(opinion)}
      </article>
    `;
  }
}

customElements.define('iken-opinion-item', IkenOpinionItem);

declare global {
  interface HTMLElementTagNameMap {
    'iken-opinion-item': IkenOpinionItem;
  }
}
