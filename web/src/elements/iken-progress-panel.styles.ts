import { css } from 'lit';

/** 取組状況: the periods as a list of small cards (newest first), then the reporting form. */
export const progressPanelStyles = css`
  h3 {
    margin: var(--space-4) 0 var(--space-2);
  }

  .overdue {
    margin-bottom: var(--space-3);
    padding: var(--space-2) var(--space-3);
    border-left: 6px solid var(--tone-danger-fg);
    background: var(--tone-danger-bg);
    color: var(--tone-danger-fg);
    font-weight: 700;
  }

  .steps {
    display: grid;
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .step {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .step-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-2);
  }

  .change-line {
    margin-top: var(--space-1);
    font-size: 0.9375rem;
  }

  .change-improved strong {
    color: var(--tone-success-fg);
  }

  .change-worsened strong {
    color: var(--tone-danger-fg);
  }

  .note-text {
    margin-top: var(--space-2);
    white-space: pre-line;
  }

  .step a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .meta {
    margin-top: var(--space-1);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .corrections {
    margin-left: var(--space-2);
    padding: 0 0.5em;
    border: 1px solid var(--color-border-strong);
    border-radius: 4px;
    color: var(--color-text);
    font-weight: 700;
  }

  .history {
    margin-top: var(--space-2);
  }

  .history summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-link);
    font-weight: 700;
    cursor: pointer;
  }

  .history summary:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  .history-list {
    margin: 0;
    padding-left: 1.25em;
    font-size: 0.9375rem;
  }

  .history-list li + li {
    margin-top: var(--space-2);
  }

  .when {
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  button.small {
    margin-top: var(--space-2);
    padding: var(--space-1) var(--space-4);
  }

  .report {
    margin-top: var(--space-5);
    padding: var(--space-3) var(--space-4) var(--space-4);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .report h3 {
    margin-top: 0;
  }

  .report form {
    margin-top: var(--space-3);
  }

  select {
    width: 100%;
    max-width: 28rem;
  }

  input[type='url'] {
    display: block;
    width: 100%;
    min-height: 44px;
    margin-top: var(--space-2);
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-page);
    color: var(--color-text);
    font: inherit;
  }

  input[type='url']:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  fieldset.statuses {
    margin: var(--space-4) 0 0;
    padding: 0;
    border: 0;
  }

  fieldset.statuses legend {
    padding: 0;
    font-weight: 700;
  }

  /* Beats formStyles' '.field > label' (block, bold): the status is bold, its hint is not. */
  fieldset.statuses > label.radio {
    display: flex;
    font-weight: 400;
    align-items: center;
    gap: var(--space-2);
    min-height: 44px;
    margin-top: var(--space-1);
    cursor: pointer;
  }

  .radio input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--color-accent);
  }

  .radio input:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  .radio-hint {
    margin-left: var(--space-2);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .muted {
    color: var(--color-muted);
  }

  .notice {
    margin-top: var(--space-2);
    font-weight: 700;
  }

  .notice:empty {
    display: none;
  }

  @media (max-width: 600px) {
    .step,
    .report {
      padding: var(--space-3);
    }
    .radio-hint {
      display: block;
      margin-left: 0;
    }
  }
`;
