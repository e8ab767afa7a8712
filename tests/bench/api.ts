/**
 * The API: `GET /api/opinions?limit=50` — the first page of the opinion list
 * as the public reads it — from the service on a database of N opinions,
 * under 50 concurrent connections (autocannon), against the bare reference:
 * a Hono route in the same kind of process answering the same bytes from memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { opinionsDatabase } from './lib/databases.js';
import { load, startBareServer, startService, type LoadFigures } from './lib/processes.js';
import { round } from './lib/stats.js';

export interface ApiFigures {
  opinions: number;
  reqPerSec: number;
  bareReqPerSec: number;
  ratio: number;
  p99Ms: number;
  p50Ms: number;
  bareP99Ms: number;
  bodyBytes: number;
  service: LoadFigures;
  bare: LoadFigures;
}

export const API_PATH = '/api/opinions?limit=50';

export async function apiBench(dir: string, n: number, seconds: number): Promise<ApiFigures> {
  const database = await opinionsDatabase(dir, n);
  const service = await startService(database);
  try {
    const first = await fetch(service.base + API_PATH);
    const body = Buffer.from(await first.arrayBuffer());
    const contentType = first.headers.get('content-type') ?? 'application/json';
    const page = JSON.parse(body.toString('utf8')) as { items: unknown[] };
    if (first.status !== 200 || page.items.length !== 50) throw new Error(`the service answered ${first.status} with ${page.items?.length} items`);
    const bodyFile = path.join(dir, 'opinions-page.json');
    fs.writeFileSync(bodyFile, body);
    const bare = await startBareServer(bodyFile, contentType);
    try {
      const same = Buffer.from(await (await fetch(bare.base + API_PATH)).arrayBuffer());
      if (!same.equals(body)) throw new Error('the bare server does not answer the same bytes');
      const serviceLoad = await load(service.base + API_PATH, 50, seconds);
      const bareLoad = await load(bare.base + API_PATH, 50, seconds);
      for (const [name, figures] of [['service', serviceLoad], ['bare', bareLoad]] as const)
        if (figures.errors || figures.non2xx) throw new Error(`${name}: ${figures.errors} errors, ${figures.non2xx} non-2xx answers`);
      return {
        opinions: n,
        reqPerSec: serviceLoad.reqPerSec,
        bareReqPerSec: bareLoad.reqPerSec,
        ratio: round(serviceLoad.reqPerSec / bareLoad.reqPerSec, 3),
        p99Ms: serviceLoad.p99Ms,
        p50Ms: serviceLoad.p50Ms,
        bareP99Ms: bareLoad.p99Ms,
        bodyBytes: body.length,
        service: serviceLoad,
        bare: bareLoad,
      };
    } finally {
      await bare.stop();
    }
  } finally {
    await service.stop();
  }
}
