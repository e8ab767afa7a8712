import { html, LitElement } from 'lit';

export class IkenSignIn extends LitElement {
  override render() {
    return html`<h1 tabindex="-1">サインイン</h1>`;
  }
}

customElements.define('iken-sign-in-page', IkenSignIn);
