import { html, LitElement } from 'lit';

export class IkenOpinion extends LitElement {
  static override properties = { opinionId: { type: Number } };
  declare opinionId: number;
  override render() {
    return html`<h1 tabindex="-1">意見</h1>`;
  }
}

customElements.define('iken-opinion-page', IkenOpinion);
