import type { Context } from 'hono';
import { getDepartment } from '../../../db/departments.js';
import { getOpinionRow } from '../../../db/opinions.js';
import {
  getResponseRow,
  listResponseVersions,
  parseIfMatch,
  responseEtag,
  saveResponse,
  toResponseView,
  transitionResponse,
} from '../../../db/responses.js';
import type { Response as ResponseRow } from '../../../db/schema.js';
import { ApiError, danglingReference, notFound } from '../../lib/errors.js';
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

/** The version named by If-Match: undefined when absent, an error when unreadable. */
function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined) return null;
  const version = parseIfMatch(header);
  if (version === null) throw new ApiError('precondition_failed', 'If-Match の値が正しくありません。GET で受け取った ETag をそのまま指定してください。');
  return version;
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
    const { created } = await saveResponse(c.var.store, c.var.actor, id, input, ifMatchVersion(c.req.valid('header')['if-match']));
    const row = (await getResponseRow(c.var.store.db, id))!;
    c.header('ETag', responseEtag(row.version));
    return created ? c.json(toResponseView(row), 201) : c.json(toResponseView(row), 200);
  })
  .openapi(transitionResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const current = await requireResponse(c, id);
    const expected = ifMatchVersion(c.req.valid('header')['if-match']);
    if (expected !== null && expected !== current.version)
      throw new ApiError('precondition_failed', `対応方針は他の人によって更新されています（現在の版: ${current.version}）。`);
    const { action, comment } = c.req.valid('json');
    await transitionResponse(c.var.store, c.var.actor, current, action, comment ?? null);
    const row = (await getResponseRow(c.var.store.db, id))!;
    c.header('ETag', responseEtag(row.version));
    return c.json(toResponseView(row), 200);
  })
  .openapi(listResponseVersionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await requireResponse(c, id);
    return c.json({ items: await listResponseVersions(c.var.store.db, row.id) }, 200);
  });
