import { css } from 'lit';

export const usersPageStyles = css`
  section + section {
    margin-top: var(--space-6);
  }

  section > h2 {
    margin-bottom: var(--space-3);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .create form {
    max-width: 36rem;
  }

  .create select,
  .edit select,
  .edit input {
    width: 100%;
    max-width: 28rem;
  }

  .done,
  .announcement {
    max-width: 44rem;
    margin: 0 0 var(--space-4);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--tone-success-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-success-bg);
    color: var(--tone-success-fg);
    font-weight: 700;
  }

  /* The live region stays in the page (so it is heard) but takes no room while silent. */
  .announcement:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .summary {
    margin-bottom: var(--space-3);
    color: var(--color-muted);
  }

  .users {
    display: grid;
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .user {
    padding: var(--space-3) var(--space-4) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    background: var(--color-page);
  }

  .user.inactive {
    background: var(--color-surface);
  }

  .user-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
    margin-bottom: var(--space-1);
  }

  .self {
    margin-left: 0.25em;
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .email {
    overflow-wrap: anywhere;
  }

  .user-actions {
    margin-top: var(--space-3);
  }

  .user-actions .hint {
    margin: 0;
  }

  button.danger {
    border-color: var(--tone-danger-fg);
    background: var(--tone-danger-fg);
    color: #fff;
  }

  button.danger:hover {
    border-color: #6e1212;
    background: #6e1212;
  }

  button.secondary.danger {
    background: var(--color-page);
    color: var(--tone-danger-fg);
  }

  button.secondary.danger:hover {
    background: var(--tone-danger-bg);
    color: #6e1212;
  }

  .edit,
  .confirm {
    margin-top: var(--space-3);
    padding: var(--space-3) var(--space-4) var(--space-4);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .edit h4 {
    margin-bottom: var(--space-2);
  }

  .edit .actions,
  .confirm .actions {
    margin-top: var(--space-4);
  }

  .confirm {
    border: 2px solid var(--tone-danger-fg);
    background: var(--tone-danger-bg);
    color: var(--tone-danger-fg);
  }

  .row-error .error,
  .edit .error,
  .create .error {
    margin: var(--space-3) 0;
  }

  .busy:empty {
    display: none;
  }

  .busy {
    color: var(--color-muted);
    font-weight: 700;
  }

  .next-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1) var(--space-5);
    margin: var(--space-4) 0;
    padding: 0;
    list-style: none;
  }

  .next-links a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 700;
  }

  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .user {
      padding: var(--space-3);
    }
    .edit,
    .confirm {
      padding: var(--space-3);
    }
    .user-actions button {
      flex: 1 1 auto;
    }
  }
`;
