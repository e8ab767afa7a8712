/** What every request handler can reach through the Hono context. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Meilisearch } from 'meilisearch';
import type { Store } from '../../db/store.js';
import type { Visibility } from '../../db/visibility.js';
import type { Actor } from '../../db/write-plan.js';
import { validationHook } from './errors.js';

export interface AppEnv {
  Variables: {
    store: Store;
    /** The signed-in person, or null for the public. */
    actor: Actor | null;
    /** What the reader may see of responses in the workflow (from `actor`). */
    visibility: Visibility;
    /** The caller's network address, for rate limits ('unknown' when the runtime cannot tell). */
    client: string;
    /** The search engine, or null when there is none (search then answers from the database). */
    search: Meilisearch | null;
  };
}

/** A feature's router, sharing the one validation hook. */
export function featureApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
