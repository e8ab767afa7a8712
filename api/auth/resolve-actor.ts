/**
 * Who is asking: reads the session cookie through better-auth and sets
 * `actor` (null for the public). A request without our cookie skips the
 * database entirely, so public reads cost nothing extra.
 */
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../db/schema.js';
import type { Actor } from '../../db/write-plan.js';
import type { AppEnv } from '../lib/app-env.js';
import type { Auth } from './auth.js';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?iken\.session_token=/;

export function resolveActor(auth: Auth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let actor: Actor | null = null;
    if (SESSION_COOKIE.test(c.req.header('cookie') ?? '')) {
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      const user = session?.user as
        | { id: string; email: string; name: string; role: Role; departmentId?: number | null; active?: boolean }
        | undefined;
      if (user && user.active !== false)
        actor = { id: String(user.id), role: user.role, name: user.name, email: user.email, departmentId: user.departmentId ?? null };
    }
    c.set('actor', actor);
    await next();
  };
}
