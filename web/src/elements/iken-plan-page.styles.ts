import { css } from 'lit';

export const planPageStyles = css`
  iken-progress-summary {
    margin-bottom: var(--space-6);
  }

  /* A node a link points at (#node-12) stops a little below the window's edge. */
  [id^='node-'] {
    scroll-margin-top: var(--space-6);
  }

  .plan-description {
    margin-top: var(--space-3);
    white-space: pre-line;
  }

  .strategy {
    margin-top: var(--space-6);
  }

  .strategy > h2 {
    padding: var(--space-3) var(--space-4);
    border-radius: var(--radius);
    background: var(--color-accent);
    color: #fff;
  }

  /* The strategy's title links to its page, in the heading's white on blue. */
  .strategy > h2 .node-link {
    color: #fff;
  }

  .strategy > h2 .node-link:hover {
    color: #fff;
    text-decoration-thickness: 2px;
  }

  .strategy > h2 .node-link:focus-visible {
    outline-color: #fff;
  }

  .strategy-label {
    display: block;
    font-size: 0.9375rem;
    letter-spacing: 0.05em;
  }

  .block-label {
    margin: var(--space-4) 0 var(--space-1);
    font-size: 1rem;
  }

  .block-label::before {
    content: '◆';
    margin-right: 0.25em;
    color: var(--color-accent);
  }

  .description {
    white-space: pre-line;
  }

  .measure {
    margin-top: var(--space-5);
    padding: var(--space-4) 0 0 var(--space-4);
    border-left: 4px solid var(--color-border);
  }

  .measure > h2,
  .measure > h3 {
    font-size: 1.25rem;
  }

  .initiatives {
    margin: var(--space-1) 0 0;
    padding: 0;
    list-style: none;
  }

  .initiatives li {
    padding: var(--space-1) 0;
  }

  .initiatives .code {
    min-width: 4.5em;
    font-weight: 400;
  }

  .initiative-description {
    margin-left: 1em;
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .measure {
      padding-left: var(--space-3);
    }
    .strategy > h2 {
      padding: var(--space-2) var(--space-3);
    }
  }
`;
