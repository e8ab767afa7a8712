import { html, LitElement } from 'lit';

export class IkenAuditLog extends LitElement {
  override render() {
    return html`<h1 tabindex="-1">変更履歴</h1>`;
  }
}

customElements.define('iken-audit-log', IkenAuditLog);
