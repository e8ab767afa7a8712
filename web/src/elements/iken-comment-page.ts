import { html, LitElement } from 'lit';

export class IkenComment extends LitElement {
  static override properties = { meetingId: { type: Number } };
  declare meetingId: number;
  override render() {
    return html`<h1 tabindex="-1">意見を出す</h1>`;
  }
}

customElements.define('iken-comment-page', IkenComment);
