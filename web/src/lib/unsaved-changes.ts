/**
 * Unsaved work, and asking before it is lost. A page registers a check
 * ("has unsaved changes?") while it is on screen; the app's router asks
 * `confirmLeave()` before an in-app navigation. Leaving the site or reloading
 * is covered by the page's own `beforeunload` handler (see `BeforeUnloadGuard`).
 */

export const LEAVE_MESSAGE = '保存していない変更があります。このページを離れると失われます。移動しますか？';

type Check = () => boolean;

const checks = new Set<Check>();

/** Registers `check`; returns the function that removes it again. */
export function registerUnsavedCheck(check: Check): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

/** True when any registered page says it has unsaved changes. */
export function hasUnsavedChanges(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
}

/**
 * Whether to go on with a navigation: true when nothing is unsaved, else the
 * person's answer to the question (`ask` is window.confirm in the browser).
 */
export function confirmLeave(ask: (message: string) => boolean = (m) => window.confirm(m)): boolean {
  return !hasUnsavedChanges() || ask(LEAVE_MESSAGE);
}

/** The browser's own "leave site?" question while `active` (set and unset as work becomes dirty or clean). */
export class BeforeUnloadGuard {
  #active = false;

  readonly #handler = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Older browsers need a returnValue to ask.
    event.returnValue = '';
  };

  set(active: boolean): void {
    if (active === this.#active) return;
    this.#active = active;
    if (active) window.addEventListener('beforeunload', this.#handler);
    else window.removeEventListener('beforeunload', this.#handler);
  }
}
