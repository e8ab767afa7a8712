import { html, LitElement } from 'lit';

export class IkenUsers extends LitElement {
  override render() {
    return html`<h1 tabindex="-1">アカウント</h1>`;
  }
}

customElements.define('iken-users-page', IkenUsers);
