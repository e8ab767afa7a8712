import { css } from 'lit';

export const opinionItemStyles = css`
  article {
    padding: var(--space-4) 0 var(--space-5);
    border-top: 1px solid var(--color-border);
  }

  .number {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
    margin-bottom: var(--space-1);
  }

  /* "○" hangs in the margin, as in the printed report. */
  .opinion-text {
    padding-left: 1.2em;
    text-indent: -1.2em;
    white-space: pre-line;
  }

  .marker {
    display: inline-block;
    width: 1.2em;
    text-indent: 0;
  }

  .response {
    margin: var(--space-3) 0 0 1.2em;
    padding: var(--space-2) var(--space-4);
    border-left: 4px solid var(--color-border);
    background: var(--color-surface);
    border-radius: 0 var(--radius) var(--radius) 0;
  }

  .response-label {
    font-weight: 700;
  }

  .response-text {
    white-space: pre-line;
  }

  .response-missing {
    color: var(--color-muted);
  }

  .meta {
    margin: var(--space-3) 0 0 1.2em;
    font-size: 0.875rem;
    gap: var(--space-1) var(--space-4);
  }

  .meta dd {
    display: flex;
    align-items: center;
  }

  .notes {
    margin: var(--space-2) 0 0 1.2em;
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .notes p + p {
    margin-top: var(--space-1);
  }

  .notes .label {
    font-weight: 700;
    margin-right: 0.5em;
  }

  @media (max-width: 600px) {
    .response,
    .meta,
    .notes {
      margin-left: 0;
    }
  }
`;
