import type { Context } from 'hono';
import { getDepartment } from '../../../db/departments.js';
import { getOpinionRow } from '../../../db/opinions.js';
import {
  checkIfMatch,
  getResponseRow,
  listResponseVersions,
  parseIfMatch,
  responseEtag,
  saveResponse,
  toResponseView,
  transitionResponse,
  type IfMatch,
} from '../../../db/responses.js';
import type { Response as ResponseRow } from '../../../db/schema.js';
import { ApiError, danglingReference, notFound, found } from '../../lib/errors.js';
import { featureApp, type AppEnv } from '../../lib/app-env.js';
import { getResponseRoute, listResponseVersionsRoute, putResponseRoute, transitionResponseRoute } from './routes.js';

async function requireOpinion(c: Context<AppEnv>, id: number): Promise<void> {
  if (!(await getOpinionRow(c.var.store.db, id))) throw notFound('意見', id);
}

async function requireResponse(c: Context<AppEnv>, opinionId: number): Promise<ResponseRow> {
  await requireOpinion(c, opinionId);
  const row = await getResponseRow(c.var.store.db, opinionId);
  if (!row) throw new ApiError('not_found', `意見（ID: ${opinionId}）にはまだ対応方針がありません。`);
  return row;
}

/** What If-Match accepts: null when the header is absent, an error when it holds none of our tags. */
function ifMatchOf(header: string | undefined): IfMatch | null {
  if (header === undefined) return null;
  const ifMatch = parseIfMatch(header);
  if (ifMatch === null) throw new ApiError('precondition_failed', 'If-Match の値が正しくありません。GET で受け取った ETag をそのまま指定してください。');
  return ifMatch;
}

export const responsesApp = featureApp()
  .openapi(getResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await requireResponse(c, id);
    c.header('ETag', responseEtag(row.version));
    return c.json(toResponseView(row), 200);
  })
  .openapi(putResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    await requireOpinion(c, id);
    const input = c.req.valid('json');
    if (input.departmentId !== undefined && input.departmentId !== null && !(await getDepartment(c.var.store.db, input.departmentId)))
      throw danglingReference('departmentId', '担当課', input.departmentId);
    const { created } = await saveResponse(c.var.store, c.var.actor, id, input, ifMatchOf(c.req.valid('header')['if-match']));
    const row = found(await getResponseRow(c.var.store.db, id), '意見の対応方針', id);
    c.header('ETag', responseEtag(row.version));
    return created ? c.json(toResponseView(row), 201) : c.json(toResponseView(row), 200);
  })
  .openapi(transitionResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const current = await requireResponse(c, id);
    checkIfMatch(ifMatchOf(c.req.valid('header')['if-match']), current);
    const { action, comment } = c.req.valid('json');
    await transitionResponse(c.var.store, c.var.actor, current, action, comment ?? null);
    const row = found(await getResponseRow(c.var.store.db, id), '意見の対応方針', id);
    c.header('ETag', responseEtag(row.version));
    return c.json(toResponseView(row), 200);
  })
  .openapi(listResponseVersionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await requireResponse(c, id);
    return c.json({ items: await listResponseVersions(c.var.store.db, row.id) }, 200);
  });
