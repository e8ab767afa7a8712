/**
 * Typed events the elements send each other. Pages tell the app when their
 * heading is on screen, so the app can set the document title and move focus
 * there after a navigation.
 */

/** Detail of `iken-page-ready`. */
export interface PageReadyDetail {
  /** The page's title for document.title ('' for the home page). */
  title: string;
  /** The page's h1 (tabindex=-1), to receive focus after a navigation. */
  heading: HTMLElement;
}

/** Sent by a page once its h1 is rendered (after loading, or with an error). */
export type PageReadyEvent = CustomEvent<PageReadyDetail>;

export const PAGE_READY = 'iken-page-ready';

/** Builds the event; it crosses shadow roots so the app hears it from any page. */
export function pageReadyEvent(detail: PageReadyDetail): PageReadyEvent {
  return new CustomEvent(PAGE_READY, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [PAGE_READY]: PageReadyEvent;
  }
}
