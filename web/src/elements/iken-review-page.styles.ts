import { css } from 'lit';

/** 確認待ち: submitted responses with their review buttons, approved ones by meeting, duplicate candidates. */
export const reviewPageStyles = css`
  section {
    margin-top: var(--space-6);
  }

  section > h2 {
    margin-bottom: var(--space-1);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .count {
    font-size: 1rem;
    font-weight: 700;
  }

  .section-lead {
    margin-bottom: var(--space-3);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .notice {
    font-weight: 700;
    color: var(--tone-success-fg);
  }

  /* Kept in the page while empty, so screen readers know the live region before it speaks. */
  .notice:empty {
    margin: 0;
  }

  .notice:focus {
    outline: none;
  }

  .failure:focus {
    outline: none;
  }

  .failure-what {
    margin-top: var(--space-2);
    font-weight: 400;
  }

  .items,
  .dup-groups {
    display: grid;
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item,
  .dup-group {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .item h3 a,
  .meeting-block h3 a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .meeting {
    font-size: 0.9375rem;
    font-weight: 400;
  }

  .item .facts {
    font-size: 0.9375rem;
  }

  .label {
    margin-top: var(--space-3);
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .excerpt,
  .response-text {
    white-space: pre-line;
  }

  .response-text {
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--tone-warning-fg);
    border-radius: 0 var(--radius) var(--radius) 0;
    background: var(--color-surface);
  }

  .actions {
    margin-top: var(--space-3);
  }

  .detail-link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }

  .return-form {
    margin-top: var(--space-3);
    padding-top: var(--space-3);
    border-top: 1px solid var(--color-border);
  }

  .meeting-block {
    margin-top: var(--space-4);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
  }

  .approved-list,
  .dup-members {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
  }

  .approved-list li + li,
  .dup-members li + li {
    margin-top: var(--space-2);
  }

  .approved-list a,
  .dup-members a {
    display: inline-block;
    margin-right: var(--space-2);
    padding: var(--space-1) 0;
    font-weight: 700;
  }

  .approved-text,
  .dup-text {
    display: block;
  }

  .first-note {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .dup-kind {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-2);
    font-weight: 700;
  }

  .confirm {
    margin-top: var(--space-3);
    padding: var(--space-3) var(--space-4);
    border: 2px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .confirm-title {
    font-weight: 700;
  }

  .confirm-title:focus {
    outline: none;
  }

  .empty {
    color: var(--color-muted);
  }
`;
