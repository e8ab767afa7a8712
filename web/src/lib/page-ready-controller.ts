/**
 * Tells the app, once per page element, that the page's h1 is on screen:
 * the app then sets document.title and, after a navigation, focuses the h1.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageReadyEvent } from '../events.js';

type PageHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class PageReadyController implements ReactiveController {
  readonly #host: PageHost;
  readonly #title: () => string | null;
  #announced = false;

  /**
   * @param title the document title for the page, or null while the page is
   *   not ready yet (still loading)
   */
  constructor(host: PageHost, title: () => string | null) {
    this.#host = host;
    this.#title = title;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#announced) return;
    const title = this.#title();
    const heading = this.#host.renderRoot.querySelector('h1');
    if (title === null || !heading) return;
    this.#announced = true;
    this.#host.dispatchEvent(pageReadyEvent({ title, heading }));
  }
}
