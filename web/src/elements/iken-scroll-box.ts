/**
 * A box for a wide table: at narrow widths the table scrolls inside it and
 * the page never does. Only while its content is wider than the box does it
 * become a named, focusable region, so keyboard users can scroll it (and wide
 * screens get no extra tab stop or landmark).
 */
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';

export class IkenScrollBox extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 100%;
    }

    .scroll {
      /* Positioned, so visually hidden text inside is clipped here instead of widening the page. */
      position: relative;
      max-width: 100%;
      overflow-x: auto;
    }

    .scroll:focus-visible {
      outline: 3px solid var(--color-focus);
      outline-offset: 2px;
    }
  `;

  static override properties = {
    label: {},
    scrollable: { state: true },
  };

  /** The region's name when it scrolls, e.g. the table's caption. */
  declare label: string;
  /** True while the content is wider than the box. */
  declare scrollable: boolean;

  #observer: ResizeObserver | undefined;

  constructor() {
    super();
    this.label = '';
    this.scrollable = false;
  }

  override disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    super.disconnectedCallback();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!box) return;
    const measure = () => {
      this.scrollable = box.scrollWidth > box.clientWidth + 1;
    };
    this.#observer = new ResizeObserver(measure);
    this.#observer.observe(box);
    // The content changes size on its own (new rows, a new period): watch it too.
    const observeContent = () => {
      for (const child of this.children) this.#observer?.observe(child);
      measure();
    };
    this.renderRoot.querySelector('slot')?.addEventListener('slotchange', observeContent);
    observeContent();
  }

  override render(): TemplateResult {
    return html`
      <div
        class="scroll"
        role=${this.scrollable ? 'region' : nothing}
        aria-label=${this.scrollable ? `${this.label}（横にスクロールできます）` : nothing}
        tabindex=${this.scrollable ? '0' : nothing}
      >
        <slot></slot>
      </div>
    `;
  }
}

customElements.define('iken-scroll-box', IkenScrollBox);

declare global {
  interface HTMLElementTagNameMap {
    'iken-scroll-box': IkenScrollBox;
  }
}
