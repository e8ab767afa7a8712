/**
 * The real server for the web tests: a fresh SQLite database with the sample
 * data, on a free port, serving the built pages from web/dist.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../../api/server.js';

export interface TestServer {
  baseUrl: string;
  /** GET a JSON API path (e.g. /api/meetings), failing loudly on an error status. */
  getJson<T>(apiPath: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iken-web-'));
  const running = await startServer({
    ...process.env,
    PORT: '0',
    DATABASE_PATH: path.join(dir, 'app.db'),
    SAMPLE_DATA: 'on',
  });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    baseUrl,
    async getJson<T>(apiPath: string): Promise<T> {
      const response = await fetch(baseUrl + apiPath);
      if (!response.ok) throw new Error(`${apiPath}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async stop() {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
