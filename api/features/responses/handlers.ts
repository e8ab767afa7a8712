import type { Context } from 'hono';
import { getDepartment } from '../../../db/departments.js';
import { getOpinionRow } from '../../../db/opinions.js';
import { canSeeOpinion, currentVersionVisible } from '../../../db/visibility.js';
import {
  checkIfMatch,
  publishedResponseView,
  type ResponseView,
  getResponseRow,
  listResponseVersions,
  saveResponse,
  toResponseView,
  transitionResponse,
} from '../../../db/responses.js';
import { parseIfMatch, responseEtag, type IfMatch } from '../../lib/response-etag.js';
import type { Response as ResponseRow } from '../../../db/schema.js';
import { ApiError, danglingReference, notFound, found } from '../../lib/errors.js';
import { featureApp, type AppEnv } from '../../lib/app-env.js';
import { getResponseRoute, listResponseVersionsRoute, putResponseRoute, transitionResponseRoute } from './routes.js';

/**
 * The opinion whose response answers opinion `id`: itself, or the one it
 * duplicates. 404 when the reader may not see the opinion.
 */
async function answeringOpinion(c: Context<AppEnv>, id: number): Promise<number> {
  const row = await getOpinionRow(c.var.store.db, id);
  if (!row || !(await canSeeOpinion(c.var.store.db, c.var.visibility, id))) throw notFound('意見', id);
  return row.duplicate_of ?? id;
}

/** For changes: the opinion must exist and must not be a duplicate (its group's response is edited on the first opinion). */
async function requireOwnResponseOpinion(c: Context<AppEnv>, id: number): Promise<void> {
  const row = await getOpinionRow(c.var.store.db, id);
  if (!row) throw notFound('意見', id);
  if (row.duplicate_of !== null) {
    const first = await getOpinionRow(c.var.store.db, row.duplicate_of);
    throw new ApiError(
      'conflict',
      `この意見は意見${first?.seq ?? ''}番（ID: ${row.duplicate_of}）と同趣旨として整理されているため、そちらの対応方針が回答になります。意見${first?.seq ?? ''}番の対応方針を編集してください。`,
    );
  }
}

const noResponse = (opinionId: number) => new ApiError('not_found', `意見（ID: ${opinionId}）にはまだ対応方針がありません。`);

async function requireResponse(c: Context<AppEnv>, opinionId: number): Promise<ResponseRow> {
  await requireOwnResponseOpinion(c, opinionId);
  const row = await getResponseRow(c.var.store.db, opinionId);
  if (!row) throw noResponse(opinionId);
  return row;
}

/** The response of opinion `id` as the reader may see it (404 when there is nothing they may see). */
async function readableResponse(c: Context<AppEnv>, id: number): Promise<{ row: ResponseRow; view: ResponseView; current: boolean }> {
  const answering = await answeringOpinion(c, id);
  const row = await getResponseRow(c.var.store.db, answering);
  if (!row) throw noResponse(id);
  if (currentVersionVisible(c.var.visibility, row.state)) return { row, view: toResponseView(row), current: true };
  const published = await publishedResponseView(c.var.store.db, row);
  if (!published) throw noResponse(id);
  return { row, view: published, current: false };
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
    const { row, view, current } = await readableResponse(c, id);
    // Only the version an editor can build on carries a tag for If-Match.
    if (current) c.header('ETag', responseEtag(row.version));
    return c.json(view, 200);
  })
  .openapi(putResponseRoute, async (c) => {
    const { id } = c.req.valid('param');
    await requireOwnResponseOpinion(c, id);
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
    const { row } = await readableResponse(c, id);
    return c.json({ items: await listResponseVersions(c.var.store.db, row.id, c.var.visibility) }, 200);
  });
