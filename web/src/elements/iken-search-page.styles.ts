import { css } from 'lit';

/** The search page: the box, the facet toggles beside the results (above them on a phone), the hits and the pager. */
export const searchPageStyles = css`
  .page-header {
    margin-bottom: var(--space-4);
  }

  .search-form > label {
    display: block;
    font-weight: 700;
  }

  .search-row {
    display: flex;
    gap: var(--space-2);
    align-items: flex-end;
    max-width: 40rem;
  }

  .search-row input {
    flex: 1;
    min-width: 0;
    width: 100%;
  }

  .search-row button {
    flex: none;
  }

  .result-status {
    margin-bottom: var(--space-3);
    font-weight: 700;
  }

  .result-status:empty {
    margin: 0;
  }

  .start {
    padding: var(--space-4) var(--space-5);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    background: var(--color-surface);
    color: var(--color-muted);
  }

  .start p + p {
    margin-top: var(--space-2);
  }

  /* Facets on the left of the results; one column on narrow screens. */
  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 17rem) minmax(0, 1fr);
    gap: var(--space-6);
    align-items: start;
  }

  .facets-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-2);
  }

  .facets h2,
  .results-head h2 {
    font-size: 1.125rem;
  }

  .selected-count {
    font-size: 0.9375rem;
  }

  /* Only on a phone: the toggles fold away behind this button, the chosen values listed above it. */
  .facets-toggle,
  .chosen {
    display: none;
  }

  .facet {
    margin-top: var(--space-4);
  }

  .facet h3 {
    margin-bottom: var(--space-2);
    font-size: 0.9375rem;
    color: var(--color-muted);
  }

  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .toggles li {
    max-width: 100%;
  }

  /* The facet toggles' size and alignment; their look is toggleButtonStyles. */
  button.toggle {
    justify-content: flex-start;
    max-width: 100%;
    min-height: 44px;
    padding: var(--space-1) var(--space-3);
    border-radius: var(--radius);
    line-height: 1.5;
    text-align: left;
  }

  .toggle .count {
    color: var(--color-muted);
    font-size: 0.875rem;
    white-space: nowrap;
  }

  .toggle[aria-pressed='true'] .count {
    color: #fff;
  }

  .link-button {
    min-height: 44px;
    padding: 0 var(--space-2);
    border: 0;
    background: none;
    color: var(--color-link);
    font-weight: 700;
    text-decoration: underline;
  }

  .link-button:hover {
    border: 0;
    background: none;
    color: var(--color-link-hover);
  }

  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--space-2) var(--space-4);
    padding-bottom: var(--space-2);
    border-bottom: 2px solid var(--color-accent);
  }

  .total {
    margin-left: var(--space-2);
    font-size: 1rem;
  }

  .sort {
    display: flex;
    align-items: center;
    gap: var(--space-2);
  }

  .sort label {
    font-weight: 700;
  }

  .sort select {
    margin-top: 0;
  }

  .degraded {
    margin-top: var(--space-3);
    padding: var(--space-2) var(--space-4);
    border: 1px solid var(--tone-info-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-info-bg);
    color: var(--color-text);
  }

  .hits {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .hit {
    padding: var(--space-4) 0;
    border-bottom: 1px solid var(--color-border);
  }

  .hit-type {
    margin-bottom: var(--space-1);
  }

  .hit h3 {
    font-size: 1.0625rem;
  }

  .hit h3 a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .snippet {
    margin-top: var(--space-1);
    color: var(--color-text);
    font-size: 0.9375rem;
  }

  /* A match: a pale yellow ground under dark bold text (AAA), bold so it does not rely on colour. */
  mark {
    background: #fff1a8;
    color: var(--color-text);
    font-weight: 700;
  }

  .empty {
    margin-top: var(--space-4);
  }

  .empty ul {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
    color: var(--color-muted);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--space-3);
    margin-top: var(--space-5);
  }

  .page-of {
    color: var(--color-muted);
    font-weight: 700;
  }

  @media (max-width: 800px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--space-5);
    }
    .facets {
      padding: var(--space-3) var(--space-4) var(--space-4);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
    }
    .facet {
      margin-top: var(--space-3);
    }
    .chosen {
      display: block;
      font-size: 0.9375rem;
    }
    .facets-toggle {
      display: inline-flex;
      width: 100%;
      margin-top: var(--space-2);
    }
    .facet-groups:not(.open) {
      display: none;
    }
    .facet-groups .hint {
      margin-top: var(--space-3);
    }
  }

  @media (max-width: 600px) {
    .search-row button {
      padding-left: var(--space-4);
      padding-right: var(--space-4);
    }
  }
`;
