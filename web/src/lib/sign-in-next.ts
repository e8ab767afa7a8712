/**
 * Where the sign-in page goes once someone has signed in: the page they came
 * for (`?next=`), when it is a page of this app on this site, otherwise the
 * page their role starts from.
 */
import type { Role } from '../api/types.js';
import { isServerPath, matchRoute } from '../router/routes.js';

/** The page each role starts from. */
export const ROLE_HOME: Record<Role, string> = {
  department: '/inbox',
  secretariat: '/review',
  committee: '/',
};

/**
 * `next` as a path (with its query and fragment) when it is a same-origin
 * path starting with a single '/', names a page of the app and is not the
 * sign-in page itself; otherwise null. `origin` is the page's origin.
 */
export function safeNextPath(next: string | null, origin: string): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || isServerPath(url.pathname)) return null;
  const route = matchRoute(url.pathname);
  if (route.name === 'sign-in' || route.name === 'not-found') return null;
  return url.pathname + url.search + url.hash;
}

/** Where to go after signing in as `role`, given the page's `?next=`. */
export function afterSignIn(role: Role, next: string | null, origin: string): string {
  return safeNextPath(next, origin) ?? ROLE_HOME[role];
}
