import { html, LitElement } from 'lit';

export class IkenInbox extends LitElement {
  override render() {
    return html`<h1 tabindex="-1">担当の意見</h1>`;
  }
}

customElements.define('iken-inbox-page', IkenInbox);
