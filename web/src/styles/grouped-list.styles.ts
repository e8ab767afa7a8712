import { css } from 'lit';

/**
 * Pages that list items in groups (担当の意見, お知らせ): a row of jump links
 * to the groups (`.summary`), then each group (`.group`) under a marked h2.
 */
export const groupedListStyles = css`
  .summary ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2) var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .summary a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    font-weight: 700;
  }

  .group {
    margin-top: var(--space-6);
  }

  .group > h2 {
    margin-bottom: var(--space-1);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }
`;
