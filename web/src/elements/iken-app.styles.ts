import { css } from 'lit';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }

  .site-header {
    border-top: 4px solid var(--color-accent);
    border-bottom: 1px solid var(--color-border);
    background: var(--color-page);
  }

  .site-header .inner,
  main,
  .site-footer .inner {
    width: 100%;
    max-width: var(--content-width);
    margin: 0 auto;
    padding-left: var(--space-4);
    padding-right: var(--space-4);
  }

  .site-header .inner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--space-4);
    padding-top: var(--space-2);
    padding-bottom: var(--space-2);
  }

  .brand {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-text);
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-decoration: none;
  }

  .brand:hover {
    color: var(--color-text);
    text-decoration: underline;
  }

  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
    padding: 0 var(--space-3);
    border-radius: var(--radius);
    font-weight: 700;
    text-decoration: none;
  }

  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-2);
  }

  .account a,
  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 var(--space-2);
    font-weight: 700;
  }

  .link-button {
    border: 0;
    background: none;
    color: var(--color-link);
    font: inherit;
    font-weight: 700;
    text-decoration: underline;
    cursor: pointer;
  }

  .who {
    color: var(--color-muted);
  }

  nav a:hover {
    background: var(--color-surface);
    text-decoration: underline;
  }

  nav a[aria-current='page'] {
    color: var(--color-text);
    text-decoration: underline;
    text-decoration-thickness: 3px;
    text-underline-offset: 0.45em;
    text-decoration-color: var(--color-accent);
  }

  /* The number of お知らせ: a count beside the word, in the text's own colours (not colour alone). */
  .notice-count {
    min-width: 1.6em;
    margin-left: var(--space-1);
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--tone-danger-fg);
    color: #fff;
    font-size: 0.8125rem;
    line-height: 1.6;
    text-align: center;
  }

  main {
    flex: 1;
    padding-top: var(--space-6);
    padding-bottom: var(--space-6);
  }

  main:focus {
    outline: none;
  }

  .site-footer {
    border-top: 1px solid var(--color-border);
    background: var(--color-surface);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .site-footer .inner {
    padding-top: var(--space-4);
    padding-bottom: var(--space-4);
  }

  .footer-links {
    margin-top: var(--space-2);
  }

  /* A full-size target, in the link colour (AA on the footer's surface). */
  .footer-links a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-link);
    font-size: 0.9375rem;
  }

  @media (max-width: 600px) {
    .site-header .inner {
      padding-left: var(--space-3);
      padding-right: var(--space-3);
    }
    nav {
      width: 100%;
    }
    nav ul {
      margin-left: calc(-1 * var(--space-3));
    }
    main {
      padding-top: var(--space-5);
    }
  }
`;
