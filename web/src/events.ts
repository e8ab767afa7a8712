/**
 * Typed events the elements send each other. Pages tell the app when their
 * heading is on screen, so the app can set the document title and move focus
 * there after a navigation; parts of the opinion page tell the page when they
 * changed the opinion, so it loads it again.
 */
import type { Opinion } from './api/types.js';

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

/**
 * Sent by a part of the opinion page (担当課・対応期限, 結び付ける施策の候補)
 * after it changed the opinion; `opinion` is the API's answer, the opinion
 * as it is now.
 */
export type OpinionUpdatedEvent = CustomEvent<{ opinion: Opinion }>;

export const OPINION_UPDATED = 'iken-opinion-updated';

/** Builds the event; it bubbles out of the sender's shadow root to the page. */
export function opinionUpdatedEvent(opinion: Opinion): OpinionUpdatedEvent {
  return new CustomEvent(OPINION_UPDATED, { detail: { opinion }, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [PAGE_READY]: PageReadyEvent;
    [OPINION_UPDATED]: OpinionUpdatedEvent;
  }
}
