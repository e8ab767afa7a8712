/**
 * For pages that keep their state in the address (filters, period, query):
 * calls back on Back and Forward while the page is on screen, so the page can
 * show what the address now says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PopStateController implements ReactiveController {
  readonly #onPopState: () => void;

  constructor(host: ReactiveControllerHost, onPopState: () => void) {
    this.#onPopState = onPopState;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }
}
