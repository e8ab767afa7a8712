/**
 * Warms the engine's indexing threads. Meilisearch loads its Japanese
 * dictionary lazily on each indexing thread it starts, and the first few
 * single-document writes after a start take 1–2 s each instead of about
 * 0.1 s (measured with Meilisearch 1.21: 2041 2082 183 158 143 2014 2234
 * 150 98 ms, then about 100 ms). Indexing a few throwaway Japanese documents
 * into a scratch index at start takes that cost once, before any real
 * change waits behind it.
 */
import type { Meilisearch } from 'meilisearch';
import { applyIndexSettings } from './index-settings.js';

export interface WarmUpOptions {
  uid?: string;
  /** Most writes to try. */
  maxWrites?: number;
  /** A write this fast counts as warm (ms). */
  warmMs?: number;
  /** Warm writes in a row that end the warm-up. */
  inARow?: number;
}

/** Writes one-document batches until they are fast; returns how many it took. Removes the scratch index. */
export async function warmUpIndexing(client: Meilisearch, options: WarmUpOptions = {}): Promise<number> {
  const uid = options.uid ?? 'warm_up';
  // Slow writes come in pairs with fast ones between (see above): three fast ones are not yet the end of it.
  const { maxWrites = 20, warmMs = 300, inARow = 6 } = options;
  await applyIndexSettings(client, { uid });
  let fast = 0;
  let writes = 0;
  try {
    while (writes < maxWrites && fast < inARow) {
      const started = Date.now();
      await client
        .index(uid)
        .addDocuments([{ id: `w${writes}`, type: 'opinion', text: `準備運転${writes}：市民の意見を検索できるようにします。`, visibleTo: [] }])
        .waitTask({ timeout: 30_000 });
      fast = Date.now() - started < warmMs ? fast + 1 : 0;
      writes += 1;
    }
  } finally {
    await client.deleteIndex(uid).waitTask();
  }
  return writes;
}
