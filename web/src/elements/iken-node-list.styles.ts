import { css } from 'lit';

export const nodeListStyles = css`
  ul {
    margin: var(--space-2) 0;
    padding-left: 1.5em;
  }

  :host([root]) > ul {
    padding-left: 0;
    list-style: none;
  }

  li {
    margin: var(--space-2) 0;
  }

  /* A node a link points at (#node-12) stops a little below the window's edge. */
  [id^='node-'] {
    scroll-margin-top: var(--space-6);
  }

  .level {
    margin-right: 0.5em;
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .title {
    font-weight: 700;
  }

  .description {
    margin-top: var(--space-1);
    white-space: pre-line;
  }
`;
