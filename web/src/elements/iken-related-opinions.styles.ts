import { css } from 'lit';

/** 他の会議での関連する意見: a plain list, each item its link, the start of its text and its badges. */
export const relatedOpinionsStyles = css`
  .related {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .related-item {
    padding: var(--space-3) 0;
    border-top: 1px solid var(--color-border);
  }

  .related-item:last-child {
    border-bottom: 1px solid var(--color-border);
  }

  .related-title {
    font-weight: 700;
  }

  .related-title a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .related-text {
    margin-top: var(--space-1);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    margin-top: var(--space-2);
  }

  .muted {
    color: var(--color-muted);
  }

  .small {
    margin-bottom: var(--space-2);
    font-size: 0.875rem;
  }
`;
