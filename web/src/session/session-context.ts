/**
 * Who is signed in, for every element: iken-app loads it once (GET /api/me)
 * and provides it by context; elements that change it (sign-in, sign-out)
 * send `iken-session-changed` and the app loads it again.
 */
import { createContext } from '@lit/context';
import type { Me, Role } from '../api/types.js';

/** The session as the page knows it. `loaded` is false until /api/me has answered. */
export interface Session {
  loaded: boolean;
  /** The signed-in person; null for the public. */
  me: Me | null;
}

export const sessionContext = createContext<Session>(Symbol('iken-session'));

export const ANONYMOUS: Session = { loaded: false, me: null };

/** True when the signed-in person has one of `roles`. */
export function hasRole(session: Session, ...roles: Role[]): boolean {
  return session.me !== null && roles.includes(session.me.role);
}

/** Sent (bubbling, composed) after signing in or out; `next` is where to go afterwards, if anywhere. */
export const SESSION_CHANGED = 'iken-session-changed';
export type SessionChangedEvent = CustomEvent<{ next: string | null }>;

export function sessionChangedEvent(next: string | null = null): SessionChangedEvent {
  return new CustomEvent(SESSION_CHANGED, { detail: { next }, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [SESSION_CHANGED]: SessionChangedEvent;
  }
}
