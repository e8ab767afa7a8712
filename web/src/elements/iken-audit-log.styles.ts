import { css } from 'lit';

export const auditLogStyles = css`
  .count {
    margin-bottom: var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .entries {
    margin: 0;
    padding: 0;
    list-style: none;
    border-left: 3px solid var(--color-border);
  }

  .entry {
    position: relative;
    padding: var(--space-2) 0 var(--space-3) var(--space-4);
  }

  .entry + .entry {
    border-top: 1px solid var(--color-border);
  }

  /* A dot on the time line. */
  .entry::before {
    content: '';
    position: absolute;
    top: 0.95rem;
    left: calc(-1 * var(--space-1) - 3px);
    width: 11px;
    height: 11px;
    border: 2px solid var(--color-page);
    border-radius: 50%;
    background: var(--color-border-strong);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--space-3);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .meta time {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }

  .what {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-2);
    margin-top: var(--space-1);
  }

  .action {
    font-weight: 700;
  }

  .changes {
    margin: var(--space-2) 0 0;
    font-size: 0.9375rem;
  }

  .change {
    display: grid;
    grid-template-columns: 8em 1fr;
    gap: var(--space-2);
    padding: var(--space-1) 0;
  }

  .change dt {
    color: var(--color-muted);
    font-weight: 700;
  }

  .change dd {
    margin: 0;
    min-width: 0;
  }

  .arrow {
    margin: 0 0.5em;
    color: var(--color-muted);
  }

  .value {
    overflow-wrap: anywhere;
  }

  .note {
    margin-left: 0.25em;
    color: var(--color-muted);
  }

  .block-label {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .block {
    margin-bottom: var(--space-2);
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--color-border-strong);
    background: var(--color-surface);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .block.after {
    border-left-color: var(--color-accent);
  }

  .block:last-child {
    margin-bottom: 0;
  }

  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .change {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;
