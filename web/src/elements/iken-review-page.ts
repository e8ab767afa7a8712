import { html, LitElement } from 'lit';

export class IkenReview extends LitElement {
  override render() {
    return html`<h1 tabindex="-1">確認待ちの対応方針</h1>`;
  }
}

customElements.define('iken-review-page', IkenReview);
