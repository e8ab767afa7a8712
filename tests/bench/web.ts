/**
 * The web page: every script the home page loads in Chromium (the entry and
 * whatever it imports), each gzipped as a server would send it, summed.
 */
import zlib from 'node:zlib';
import { launchBrowser } from '../web/support/browser.js';
import { baseDatabase } from './lib/databases.js';
import { startService } from './lib/processes.js';

export interface WebFigures {
  jsGzipBytes: number;
  jsBytes: number;
  scripts: number;
}

export async function webBench(dir: string): Promise<WebFigures> {
  const service = await startService(await baseDatabase(dir));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') void res.body().then((body) => scripts.set(res.url(), body));
    });
    await page.goto(`${service.base}/`, { waitUntil: 'networkidle' });
    // The home page has rendered its content (not only the shell).
    await page.waitForFunction(() => document.querySelector('iken-app')?.shadowRoot?.querySelector('main') !== null, undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    if (scripts.size === 0) throw new Error('the home page loaded no script');
    let jsBytes = 0;
    let jsGzipBytes = 0;
    for (const body of scripts.values()) {
      jsBytes += body.length;
      jsGzipBytes += zlib.gzipSync(body).length;
    }
    return { jsGzipBytes, jsBytes, scripts: scripts.size };
  } finally {
    await browser.close();
    await service.stop();
  }
}
