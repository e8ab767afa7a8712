/**
 * The pages of the app and how paths map to them. Pure functions: the
 * History API side lives in iken-app.
 */

/** A page to show, with its parameters. */
export type Route =
  | { name: 'home' }
  | { name: 'meeting'; id: number }
  | { name: 'plan'; id: number }
  | { name: 'plan-summary'; id: number }
  | { name: 'node'; id: number }
  | { name: 'import' }
  | { name: 'sign-in' }
  | { name: 'inbox' }
  | { name: 'review' }
  | { name: 'users' }
  | { name: 'opinion'; id: number }
  | { name: 'comment'; id: number }
  | { name: 'search' }
  | { name: 'follow-up'; id: number }
  | { name: 'notices' }
  | { name: 'periods' }
  | { name: 'not-found' };

const ID = '([1-9][0-9]{0,14})';
const PATTERNS: ReadonlyArray<[RegExp, (id: number) => Route]> = [
  [new RegExp(`^/meetings/${ID}$`), (id) => ({ name: 'meeting', id })],
  [new RegExp(`^/plans/${ID}$`), (id) => ({ name: 'plan', id })],
  [new RegExp(`^/plans/${ID}/summary$`), (id) => ({ name: 'plan-summary', id })],
  [new RegExp(`^/nodes/${ID}$`), (id) => ({ name: 'node', id })],
  [new RegExp(`^/opinions/${ID}$`), (id) => ({ name: 'opinion', id })],
  [new RegExp(`^/meetings/${ID}/comment$`), (id) => ({ name: 'comment', id })],
  [new RegExp(`^/meetings/${ID}/follow-up$`), (id) => ({ name: 'follow-up', id })],
];

const FIXED: Record<string, Route> = {
  '/import': { name: 'import' },
  '/sign-in': { name: 'sign-in' },
  '/inbox': { name: 'inbox' },
  '/review': { name: 'review' },
  '/users': { name: 'users' },
  '/search': { name: 'search' },
  '/notices': { name: 'notices' },
  '/periods': { name: 'periods' },
};

/** Maps a pathname to its page; a trailing slash is tolerated, anything unknown is not-found. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '' || path === '/index.html') return { name: 'home' };
  const fixed = FIXED[path];
  if (fixed) return fixed;
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(path);
    if (m) return make(Number(m[1]));
  }
  return { name: 'not-found' };
}

/** Paths the server answers itself (the API, its docs, vendored files): always a full page load. */
export function isServerPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/vendor/');
}

/** The parts of a click that decide whether the router may take it over. */
export interface ClickInfo {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** The parts of a link that matter, as an <a> element exposes them. */
export interface LinkInfo {
  href: string;
  target: string;
  hasDownload: boolean;
}

/**
 * The URL to route to in the page, or null to let the browser follow the link
 * itself: new tabs and windows (modifier keys, middle button, target),
 * downloads, other origins and server paths keep their normal behaviour.
 */
export function routableUrl(click: ClickInfo, link: LinkInfo, currentUrl: string): URL | null {
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if ((link.target && link.target !== '_self') || link.hasDownload || !link.href) return null;
  const url = new URL(link.href, currentUrl);
  const current = new URL(currentUrl);
  if (url.origin !== current.origin || isServerPath(url.pathname)) return null;
  return url;
}
