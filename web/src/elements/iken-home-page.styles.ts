import { css } from 'lit';

export const homePageStyles = css`
  section + section {
    margin-top: var(--space-6);
  }

  section > h2 {
    margin-bottom: var(--space-3);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .cards {
    display: grid;
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    padding: var(--space-4) var(--space-5);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    background: var(--color-page);
  }

  .card h3 {
    margin: var(--space-1) 0 var(--space-2);
  }

  .card h3 a {
    /* A taller hit area for touch without changing the text's look. */
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .card-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .card {
      padding: var(--space-3) var(--space-4);
    }
  }
`;
