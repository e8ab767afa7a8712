import { css } from 'lit';

export const commentPageStyles = css`
  .subject {
    margin-bottom: var(--space-3);
    font-size: 1.125rem;
    font-weight: 700;
  }

  .subject a {
    display: inline-block;
    padding: var(--space-2) 0;
  }

  form,
  .receipt,
  .closed {
    max-width: 44rem;
  }

  .count {
    margin-top: var(--space-1);
    color: var(--color-muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }

  .count.over {
    color: var(--tone-danger-fg);
    font-weight: 700;
  }

  fieldset.sender {
    margin: var(--space-5) 0 0;
    padding: var(--space-3) var(--space-5) var(--space-5);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
  }

  fieldset.sender legend {
    padding: 0 var(--space-2);
    font-weight: 700;
  }

  .optional {
    margin-left: var(--space-2);
    padding: 0 0.5em;
    border-radius: 4px;
    background: var(--tone-neutral-bg);
    color: var(--tone-neutral-fg);
    font-size: 0.8125rem;
    font-weight: 700;
    vertical-align: 0.1em;
  }

  fieldset.sender > .hint {
    margin: 0 0 var(--space-3);
  }

  /* The field for programs: off screen, out of the tab order, hidden from screen readers. */
  .hp {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  .publish-note {
    margin-top: var(--space-5);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .busy:empty {
    display: none;
  }

  .busy {
    margin-top: var(--space-3);
    color: var(--color-muted);
    font-weight: 700;
  }

  .closed {
    margin: var(--space-5) 0 var(--space-3);
    padding: var(--space-4);
    border: 2px solid var(--tone-warning-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-warning-bg);
    color: var(--tone-warning-fg);
    font-weight: 700;
  }

  .next a,
  .receipt a.back {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 700;
  }

  .receipt {
    padding: var(--space-4) var(--space-5) var(--space-5);
    border: 2px solid var(--tone-success-fg);
    border-left-width: 8px;
    border-radius: var(--radius);
    background: var(--tone-success-bg);
  }

  .receipt h2 {
    color: var(--tone-success-fg);
  }

  .receipt-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--space-1) var(--space-3);
    margin: var(--space-3) 0;
  }

  .receipt-label {
    font-weight: 700;
  }

  .receipt-excerpt {
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--color-border-strong);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .receipt-number {
    padding: var(--space-1) var(--space-3);
    border: 2px solid var(--color-text);
    border-radius: var(--radius);
    background: var(--color-page);
    font-size: 2rem;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.06em;
    line-height: 1.3;
  }

  @media (max-width: 600px) {
    fieldset.sender {
      padding: var(--space-2) var(--space-3) var(--space-4);
    }
    .receipt {
      padding: var(--space-3) var(--space-4) var(--space-4);
    }
    .receipt-number {
      font-size: 1.75rem;
    }
  }

  @media print {
    form,
    .actions {
      display: none;
    }
  }
`;
