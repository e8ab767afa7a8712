import { css } from 'lit';

/** The opinion page: the opinion, the city's answer, the editor, the review steps and the history. */
export const opinionPageStyles = css`
  section {
    margin-top: var(--space-6);
  }

  section > h2 {
    margin-bottom: var(--space-3);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .meeting-link {
    margin-bottom: var(--space-3);
  }

  .meeting-link a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .opinion-text,
  .answer-text,
  .version-text,
  .compare-text,
  .returned-comment,
  .step-comment {
    white-space: pre-line;
  }

  .opinion-text {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    font-size: 1.0625rem;
  }

  .sub-heading {
    margin: var(--space-4) 0 var(--space-2);
    font-size: 1rem;
  }

  .measures {
    margin: 0;
    padding-left: 1.25em;
  }

  .measures li + li {
    margin-top: var(--space-1);
  }

  .measures .parent {
    margin-right: 0.5em;
    color: var(--color-muted);
  }

  .measures .parent::after {
    content: ' ›';
  }

  .measures a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .muted {
    color: var(--color-muted);
  }

  .note {
    margin-top: var(--space-3);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--tone-info-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-info-bg);
  }

  .note p + p {
    margin-top: var(--space-2);
  }

  .answer {
    padding: var(--space-3) var(--space-4);
    border-left: 4px solid var(--tone-success-fg);
    border-radius: 0 var(--radius) var(--radius) 0;
    background: var(--color-surface);
  }

  .answer.pending {
    margin-top: var(--space-3);
    border-left-color: var(--color-border-strong);
  }

  .answer .facts {
    margin-top: var(--space-2);
  }

  .facts.small {
    font-size: 0.875rem;
  }

  .workflow form {
    margin-top: var(--space-4);
  }

  .returned {
    margin-top: var(--space-4);
    padding: var(--space-4);
    border: 2px solid var(--tone-danger-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-danger-bg);
  }

  .returned h3 {
    color: var(--tone-danger-fg);
  }

  .returned-comment {
    margin-top: var(--space-2);
    font-size: 1.0625rem;
    font-weight: 700;
  }

  .returned-meta {
    margin-top: var(--space-2);
    color: var(--color-text);
    font-size: 0.875rem;
  }

  .conflict {
    margin-top: var(--space-4);
    padding: var(--space-4);
    border: 2px solid var(--tone-warning-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-warning-bg);
  }

  .conflict h3 {
    margin-bottom: var(--space-2);
  }

  .compare {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--space-3);
    margin-top: var(--space-3);
  }

  .compare .version {
    padding: var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-page);
  }

  .compare h4 {
    margin-bottom: var(--space-2);
  }

  .choices {
    margin: var(--space-3) 0 0;
    padding-left: 1.25em;
  }

  .review .actions,
  .workflow .actions {
    margin-top: var(--space-3);
  }

  .return-form {
    margin-top: var(--space-5);
    padding-top: var(--space-4);
    border-top: 1px solid var(--color-border);
  }

  .confirm {
    margin-top: var(--space-3);
    padding: var(--space-4);
    border: 2px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .confirm p {
    margin-top: var(--space-2);
  }

  .notice {
    margin-top: var(--space-4);
    font-weight: 700;
    color: var(--tone-success-fg);
  }

  .notice:empty {
    margin: 0;
  }

  .versions {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .version-item {
    padding: var(--space-3) 0 var(--space-4);
    border-top: 1px solid var(--color-border);
  }

  .version-item h3 {
    font-size: 1rem;
  }

  .when,
  .step-when,
  .step-who {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 400;
  }

  .version-text {
    margin-top: var(--space-2);
    padding: var(--space-2) var(--space-3);
    background: var(--color-surface);
    border-radius: var(--radius);
  }

  .steps {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
  }

  .steps li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--space-3);
  }

  .step-label {
    font-weight: 700;
  }

  .step-comment {
    flex-basis: 100%;
  }

  .pairs {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--space-1) var(--space-4);
    margin: var(--space-3) 0 0;
  }

  .pairs > div {
    display: contents;
  }

  .pairs dt {
    color: var(--color-muted);
    font-weight: 700;
  }

  .pairs dd {
    margin: 0;
  }

  @media (max-width: 600px) {
    .compare {
      grid-template-columns: 1fr;
    }
    .pairs {
      grid-template-columns: 1fr;
    }
    .pairs dd {
      margin-bottom: var(--space-2);
    }
  }
`;
