import { css } from 'lit';

export const nodePageStyles = css`
  .description {
    margin-top: var(--space-3);
    white-space: pre-line;
  }

  .block {
    margin-top: var(--space-6);
  }

  .block > h2 {
    margin-bottom: var(--space-3);
    padding-bottom: var(--space-1);
    border-bottom: 2px solid var(--color-accent);
  }

  .indicator {
    margin-top: var(--space-5);
  }

  .indicator > h3 {
    margin-bottom: var(--space-2);
  }

  .note {
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .lead {
    margin: 0 0 var(--space-3);
  }

  .empty {
    color: var(--color-muted);
  }

  .sheets,
  .children,
  .opinions {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .sheets > li + li {
    margin-top: var(--space-5);
  }

  .children li {
    padding: var(--space-2) 0;
    border-top: 1px solid var(--color-border);
  }

  .children li:first-child {
    border-top: 0;
  }

  .level {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
    font-weight: 700;
  }

  .opinions li {
    padding: var(--space-3) 0;
    border-top: 1px solid var(--color-border);
  }

  .opinion-source {
    font-weight: 700;
  }

  .opinion-text {
    margin-top: var(--space-1);
  }

  .opinion-badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-2);
    margin-top: var(--space-2);
  }

  .badge-label {
    color: var(--color-muted);
    font-size: 0.8125rem;
  }
`;
