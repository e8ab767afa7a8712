/**
 * The public's reads, kept in memory until the data changes.
 *
 * Most reads come from the public — residents, the press, search engines —
 * and every one of them sees the same published data, so the answer to
 * `GET /api/opinions?limit=50` is the same for all of them until something
 * is written. The first such request computes it; the next ones get the same
 * bytes without touching the database.
 *
 * An entry is used only while the store's data version is the one it was
 * computed at (see `Store.dataVersion`: it moves with every write of this
 * process and of any other process on the same file) and on the same day in
 * Japan (overdue and current-period answers depend on the date). Only
 * anonymous 200 answers are kept; signed-in people, whose answers depend on
 * who they are, always get a fresh one. Search answers are never kept: the
 * index catches up with a write a moment after it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { todayInJapan } from './japanese-date.js';

export interface PublicReadCacheOptions {
  /** Changes whenever the data may have changed. */
  version: () => string;
  /** Most answers kept (the least recently used goes first). */
  maxEntries?: number;
  /** Most bytes kept in all. */
  maxBytes?: number;
  /** Largest single answer kept. */
  maxEntryBytes?: number;
}

interface Entry {
  version: string;
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

/** Paths whose answers are not a pure function of the data: health, sessions, search. */
const NEVER = /^\/api\/(health|auth\/|search|opinions\/\d+\/(related|suggested-nodes))/;

export function publicReadCache(options: PublicReadCacheOptions): MiddlewareHandler<AppEnv> {
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
  /** Insertion order doubles as recency: a hit is moved to the end. */
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.byteLength;
  };

  /** The data's version and the day in Japan: an entry of another is not used. */
  const current = () => `${options.version()}|${todayInJapan()}`;

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.var.actor !== null || NEVER.test(c.req.path)) return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const version = current();
    const entry = entries.get(key);
    if (entry) {
      if (entry.version === version) {
        entries.delete(key);
        entries.set(key, entry);
        return new Response(entry.body, { status: entry.status, headers: entry.headers });
      }
      drop(key);
    }
    await next();
    // Kept only when nothing was written while it was computed: otherwise it may mix old and new.
    if (c.res.status !== 200 || current() !== version) return;
    // JSON answers only: file downloads are large, streamed and rarely repeated.
    if (!c.res.headers.get('content-type')?.startsWith('application/json')) return;
    const body = await c.res.clone().arrayBuffer();
    if (body.byteLength > maxEntryBytes) return;
    const headers = [...c.res.headers].filter(([name]) => name.toLowerCase() !== 'set-cookie');
    drop(key);
    entries.set(key, { version, status: c.res.status, headers, body });
    bytes += body.byteLength;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(oldest);
    }
  };
}
