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

  .notice {
    margin: 0;
  }

  .notice:empty {
    display: none;
  }
`;
