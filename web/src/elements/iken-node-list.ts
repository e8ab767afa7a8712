/**
 * Plan nodes of any level the plan page has no special layout for, as
 * nested lists: level label, code, title, description, indicators, then the
 * children, at any depth.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { PlanNode } from '../api/types.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { nodeListStyles } from './iken-node-list.styles.js';
import './iken-indicator-table.js';

export class IkenNodeList extends LitElement {
  static override styles = [sharedStyles, nodeListStyles];

  static override properties = {
    nodes: { attribute: false },
    targetYears: { attribute: false },
    root: { type: Boolean, reflect: true },
  };

  declare nodes: PlanNode[];
  /** Passed on to the indicator tables, so their columns match the rest of the plan. */
  declare targetYears: number[];
  /** The outermost list: drawn without bullets. */
  declare root: boolean;

  constructor() {
    super();
    this.nodes = [];
    this.targetYears = [];
    this.root = false;
  }

  #item(node: PlanNode): TemplateResult {
    return html`
      <li id="node-${node.id}">
        <span class="level">${node.level}</span>${node.code ? html`<span class="code">${node.code}</span>` : nothing}<a
          class="title"
          href="/nodes/${node.id}"
          >${node.title}</a
        >
        ${node.description ? html`<p class="description">${node.description}</p>` : nothing}
        ${node.indicators.length
          ? html`<iken-indicator-table
              .indicators=${node.indicators}
              .targetYears=${this.targetYears}
              caption=${`${node.code ?? node.title} の指標`}
            ></iken-indicator-table>`
          : nothing}
        ${node.children.length
          ? html`<iken-node-list .nodes=${node.children} .targetYears=${this.targetYears}></iken-node-list>`
          : nothing}
      </li>
    `;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.nodes.length) return nothing;
    return html`<ul>${this.nodes.map((node) => this.#item(node))}</ul>`;
  }
}

customElements.define('iken-node-list', IkenNodeList);

declare global {
  interface HTMLElementTagNameMap {
    'iken-node-list': IkenNodeList;
  }
}
