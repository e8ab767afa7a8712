import { css } from 'lit';

/** The secretariat's 担当課・対応期限 form on an opinion's page. */
export const opinionAssignStyles = css`
  :host {
    display: block;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-4);
  }

  .row .field {
    flex: 1 1 16rem;
    min-width: 0;
    margin-top: 0;
  }

  select {
    width: 100%;
  }

  input[type='date'] {
    display: block;
    max-width: 100%;
    min-height: 44px;
    margin-top: var(--space-2);
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-page);
    color: var(--color-text);
    font: inherit;
  }

  .notice {
    margin: 0;
  }

  .notice:empty {
    display: none;
  }
`;
