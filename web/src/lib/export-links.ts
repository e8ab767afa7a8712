/**
 * A labelled group of links to files the API makes (報告書, CSV, Excel): the
 * page's 出力 and the 取組状況の総括 downloads. Files to save carry
 * `download`; a page opened in a new tab says so to screen readers.
 */
import { css, html, nothing, type TemplateResult } from 'lit';

export interface ExportLink {
  href: string;
  /** The visible text, e.g. 印刷用の報告書（HTML）. */
  text: string;
  /** A file to save (CSV, Excel). */
  download?: boolean;
  /** Opens in a new tab (the printable report). */
  newTab?: boolean;
  /** For tests and styling: csv, xlsx, html. */
  format: string;
}

/** `id` names the group's label element; it must be unique in the shadow root. */
export function exportLinks(label: string, id: string, links: readonly ExportLink[]): TemplateResult {
  return html`
    <div class="exports" role="group" aria-labelledby=${id}>
      <span class="exports-label" id=${id}>${label}</span>
      <ul>
        ${links.map(
          (link) => html`<li>
            <a
              href=${link.href}
              data-format=${link.format}
              ?download=${link.download ?? false}
              target=${link.newTab ? '_blank' : nothing}
              rel=${link.newTab ? 'noopener' : nothing}
              >${link.text}${link.download ? html`<span class="visually-hidden">（ダウンロード）</span>` : nothing}${link.newTab
                ? html`<span class="visually-hidden">（新しいタブで開きます）</span><span class="new-tab" aria-hidden="true">↗</span>`
                : nothing}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  `;
}

export const exportLinksStyles = css`
  .exports {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
    margin-top: var(--space-3);
  }

  .exports-label {
    color: var(--color-muted);
    font-weight: 700;
  }

  .exports ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1) var(--space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .exports a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-page);
    font-weight: 700;
    text-decoration: none;
  }

  .exports a:hover {
    background: var(--color-surface);
    text-decoration: underline;
  }

  .exports .new-tab {
    margin-left: 0.25em;
  }
`;
