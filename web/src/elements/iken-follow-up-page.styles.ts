import { css } from 'lit';

/**
 * 対応状況（フォローアップ）: the counts in a row of boxes, the filter toggles
 * (outlined when off, filled with a check mark when on, not colour alone),
 * and one card per opinion, which stacks on a phone instead of a wide table.
 */
export const followUpPageStyles = css`
  section + section,
  .counts-section + .filters {
    margin-top: var(--space-5);
  }

  .eyebrow a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .counts {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: var(--space-2);
    margin: 0;
  }

  .counts > div {
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--color-border);
    border-top: 4px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .counts .count-overdue {
    border-top-color: var(--tone-danger-fg);
  }
  .counts .count-stalled {
    border-top-color: var(--tone-warning-fg);
  }
  .counts .count-done {
    border-top-color: var(--tone-success-fg);
  }

  .counts dt {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .counts dd {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .unit {
    margin-left: 0.15em;
    font-size: 0.875rem;
  }

  .filters > h2,
  .list-section > h2 {
    margin-bottom: var(--space-2);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    margin: var(--space-3) 0 0;
    padding: 0;
    list-style: none;
  }

  button.toggle {
    padding: var(--space-1) var(--space-4);
  }

  .filter-meanings {
    margin: var(--space-3) 0 0;
    font-size: 0.875rem;
  }

  .filter-meanings > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--space-2);
  }

  .filter-meanings dt {
    font-weight: 700;
  }

  .filter-meanings dt::after {
    content: '：';
  }

  .filter-meanings dd {
    margin: 0;
    color: var(--color-muted);
  }

  .shown-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--space-3);
    margin-top: var(--space-3);
    font-weight: 700;
  }

  .link-button {
    min-height: 44px;
    padding: 0 var(--space-2);
    border: 0;
    background: none;
    color: var(--color-link);
    text-decoration: underline;
  }

  .link-button:hover {
    background: none;
    color: var(--color-link-hover);
  }

  .cards {
    display: grid;
    gap: var(--space-4);
    margin: var(--space-3) 0 0;
    padding: 0;
    list-style: none;
  }

  .card {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
  }

  .card-head h3 a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1);
  }

  .opinion-text,
  .response-text {
    white-space: pre-line;
  }

  .opinion-text {
    margin: var(--space-2) 0;
  }

  .full-text {
    margin-bottom: var(--space-2);
  }

  /* Once the whole text is open, its start is not shown twice. */
  .opinion-text:has(+ .full-text[open]) {
    display: none;
  }

  .full-text summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-link);
    font-weight: 700;
    cursor: pointer;
  }

  .full-text summary:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  .full-text .opinion-text {
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--color-border);
  }

  .card .facts {
    margin: var(--space-2) 0;
    font-size: 0.9375rem;
  }

  .label {
    margin: var(--space-3) 0 var(--space-1);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .response {
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--color-accent);
    background: var(--color-surface);
  }

  .response .label {
    margin-top: 0;
  }

  .timeline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .step {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-2);
    padding: var(--space-1) var(--space-2);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    font-size: 0.875rem;
  }

  /* The chips read as a sequence (oldest first): a mark between them, outside the chips; '›' rather than an arrow, which would look like → 変化なし. */
  .step + .step {
    position: relative;
    margin-left: var(--space-3);
  }

  .step + .step::before {
    content: '›' / '';
    position: absolute;
    left: calc(-1 * var(--space-3));
    width: var(--space-3);
    color: var(--color-muted);
    font-weight: 700;
    text-align: center;
  }

  .step-period {
    font-weight: 700;
  }

  .change {
    font-weight: 700;
  }

  .change-improved {
    color: var(--tone-success-fg);
  }

  .change-worsened {
    color: var(--tone-danger-fg);
  }

  .change-unchanged {
    color: var(--color-muted);
  }

  .muted,
  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .counts {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .counts dd {
      font-size: 1.25rem;
    }
    .toggles li,
    button.toggle {
      width: 100%;
    }
    button.toggle {
      justify-content: flex-start;
    }
    .card {
      padding: var(--space-3);
    }
  }
`;
