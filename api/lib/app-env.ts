/** What every request handler can reach through the Hono context. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../../db/store.js';
import type { Actor } from '../../db/write-plan.js';
import { validationHook } from './errors.js';

export interface AppEnv {
  Variables: {
    store: Store;
    /** The signed-in person, or null for the public. */
    actor: Actor | null;
  };
}

/** A feature's router, sharing the one validation hook. */
export function featureApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
