/**
 * パンくずリスト: where a page sits (計画 › 重点戦略 › 施策 › this page), each
 * step a link but the last, which is the page itself (aria-current).
 */
import { css, html, type TemplateResult } from 'lit';

export interface Crumb {
  text: string;
  /** Omitted for the page on screen. */
  href?: string;
}

export function breadcrumbs(crumbs: readonly Crumb[]): TemplateResult {
  return html`
    <nav class="breadcrumbs" aria-label="現在の位置">
      <ol>
        ${crumbs.map((c) => html`<li>${c.href ? html`<a href=${c.href}>${c.text}</a>` : html`<span aria-current="page">${c.text}</span>`}</li>`)}
      </ol>
    </nav>
  `;
}

export const breadcrumbStyles = css`
  .breadcrumbs {
    margin-bottom: var(--space-3);
    font-size: 0.9375rem;
  }

  .breadcrumbs ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1) 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .breadcrumbs li {
    display: inline-flex;
    align-items: center;
  }

  /* The separator is drawn, not written, so screen readers do not read it out. */
  .breadcrumbs li + li::before {
    content: '›' / '';
    margin: 0 var(--space-2);
    color: var(--color-muted);
  }

  .breadcrumbs [aria-current='page'] {
    color: var(--color-muted);
  }
`;
