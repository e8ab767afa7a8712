import { css } from 'lit';

export const importDocumentStyles = css`
  .facts {
    gap: var(--space-1) var(--space-4);
  }

  .sub {
    margin: var(--space-4) 0 var(--space-2);
    font-size: 1rem;
  }

  .opinions,
  .nodes,
  .items,
  .meetings {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .opinions > li,
  .meetings > li {
    padding: var(--space-2) 0;
    border-top: 1px solid var(--color-border);
  }

  .opinions > li:first-child,
  .meetings > li:first-child {
    border-top: 0;
    padding-top: 0;
  }

  .seq {
    display: inline-block;
    margin-right: 0.75em;
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .opinion,
  .response {
    white-space: pre-line;
  }

  .response {
    margin: var(--space-1) 0 0 1em;
    padding-left: var(--space-3);
    border-left: 4px solid var(--color-border);
  }

  .response-label {
    margin-right: 0.5em;
    font-weight: 700;
  }

  .nodes > li,
  .items > li {
    padding: var(--space-1) 0;
  }

  .level {
    margin-right: 0.5em;
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .node-counts,
  .item-status {
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .meeting-title {
    font-weight: 700;
  }

  .plan-path {
    margin-top: var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .ratings dd {
    font-weight: 700;
  }

  iken-scroll-box {
    margin-top: var(--space-3);
  }

  .more,
  .none {
    margin-top: var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }
`;
