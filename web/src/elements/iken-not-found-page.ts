/**
 * Shown for any path the app does not know.
 */
import { html, LitElement, type TemplateResult } from 'lit';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { sharedStyles } from '../styles/shared.styles.js';

const TITLE = 'ページが見つかりません';

export class IkenNotFoundPage extends LitElement {
  static override styles = sharedStyles;

  constructor() {
    super();
    new PageReadyController(this, () => TITLE);
  }

  override render(): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">お探しのページは移動したか、削除された可能性があります。アドレスをご確認ください。</p>
      </div>
      <p><a href="/">ホームへ戻る</a></p>
    `;
  }
}

customElements.define('iken-not-found-page', IkenNotFoundPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-not-found-page': IkenNotFoundPage;
  }
}
