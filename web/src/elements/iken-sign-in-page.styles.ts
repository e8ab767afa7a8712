import { css } from 'lit';

export const signInPageStyles = css`
  form,
  .public-note {
    max-width: 32rem;
  }

  .public-note {
    margin-bottom: var(--space-5);
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--tone-info-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-info-bg);
    color: var(--tone-info-fg);
  }

  .public-note h2 {
    font-size: 1rem;
  }

  .public-note a {
    color: var(--tone-info-fg);
  }

  .sign-in-error .error {
    margin-top: 0;
  }

  .show-password {
    margin-top: var(--space-1);
  }

  .actions button {
    min-width: 10rem;
  }

  .forgot {
    margin-top: var(--space-4);
  }

  .busy:empty {
    display: none;
  }

  .busy {
    margin-top: var(--space-3);
    color: var(--color-muted);
    font-weight: 700;
  }

  .notice {
    max-width: 40rem;
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--tone-success-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-success-bg);
    color: var(--tone-success-fg);
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
`;
