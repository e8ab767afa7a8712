import { css } from 'lit';

export const meetingPageStyles = css`
  .theme {
    margin: var(--space-2) 0 var(--space-3);
    font-size: 1.125rem;
    font-weight: 700;
  }

  .measure {
    margin-top: var(--space-6);
  }

  .measure > h2 {
    padding: var(--space-2) var(--space-3);
    border-left: 6px solid var(--color-accent);
    background: var(--color-surface);
  }

  .kicker {
    margin: var(--space-3) 0 var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
    font-weight: 700;
  }

  /* 重点施策名 / 個別施策名: a two-column table as in the report. */
  .measure-names {
    display: grid;
    grid-template-columns: max-content 1fr;
    margin: 0 0 var(--space-2);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    overflow: hidden;
  }

  .measure-names > div {
    display: contents;
  }

  .measure-names dt,
  .measure-names dd {
    margin: 0;
    padding: var(--space-2) var(--space-3);
    border-bottom: 1px solid var(--color-border);
  }

  .measure-names > div:last-child dt,
  .measure-names > div:last-child dd {
    border-bottom: 0;
  }

  .measure-names dt {
    background: var(--color-surface-strong);
    font-weight: 700;
    white-space: nowrap;
  }

  .follow-up-link {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--space-3);
    margin: var(--space-3) 0;
  }

  .follow-up-link a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 700;
  }

  .follow-up-hint {
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .empty {
    margin-top: var(--space-5);
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .measure-names {
      grid-template-columns: 1fr;
    }
    .measure-names dt {
      padding-bottom: 0;
      border-bottom: 0;
      background: none;
      color: var(--color-muted);
      font-size: 0.875rem;
    }
  }
`;
