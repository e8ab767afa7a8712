/**
 * The one place every API request is authorised: it finds the request's rule
 * in `ACCESS_RULES` and answers 401 (not signed in) or 403 (not this
 * person's job) before any handler runs. A department's scope is checked
 * against the opinion or node named in the path.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Visibility } from '../../db/visibility.js';
import type { Actor } from '../../db/write-plan.js';
import type { AppEnv } from '../lib/app-env.js';
import { ApiError } from '../lib/errors.js';
import { parseId } from '../lib/schemas.js';
import { ACCESS_RULES, type AccessRule, type Requirement } from './rules.js';

/** What the reader may see of the response workflow. */
export function visibilityOf(actor: Actor | null): Visibility {
  if (!actor) return 'published';
  return actor.role === 'committee' ? 'approved' : 'all';
}

interface CompiledRule extends AccessRule {
  pattern: RegExp;
}

const COMPILED: CompiledRule[] = ACCESS_RULES.map((rule) => ({
  ...rule,
  pattern: new RegExp(`^${rule.path.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`),
}));

/** The rule for a request, and the id in its path (if the path has one). */
export function ruleFor(method: string, path: string): { rule: AccessRule; id: string | undefined } | undefined {
  for (const rule of COMPILED) {
    if (rule.method !== method) continue;
    const m = rule.pattern.exec(path);
    if (m) return { rule, id: m[1] };
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SECRETARIAT_ONLY: Requirement = { kind: 'roles', roles: ['secretariat'] };

/**
 * The department responsible for an opinion: the one it is assigned to (a
 * reassignment moves the responsibility, and its response, at once). Null
 * when there is no such opinion.
 */
async function opinionDepartments(db: Kysely<Database>, id: number): Promise<number[] | null> {
  const row = await db.selectFrom('opinions').select('department_id').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return row.department_id === null ? [] : [row.department_id];
}

/** The department responsible for a node: its own, else the nearest one above it. Null when there is no such node. */
async function nodeDepartments(db: Kysely<Database>, id: number): Promise<number[] | null> {
  const { rows } = await sql<{ department_id: number | null }>`
    WITH RECURSIVE up(id, parent_id, department_id, depth) AS (
      SELECT id, parent_id, department_id, 0 FROM plan_nodes WHERE id = ${id}
      UNION ALL
      SELECT n.id, n.parent_id, n.department_id, up.depth + 1 FROM plan_nodes n JOIN up ON n.id = up.parent_id WHERE up.depth < 64
    )
    SELECT department_id FROM up ORDER BY depth`.execute(db);
  if (rows.length === 0) return null;
  const first = rows.find((r) => r.department_id !== null);
  return first ? [first.department_id as number] : [];
}

/** The id in a path, read exactly as the route's parameter schema reads it (percent-encoding and full-width digits included). */
function idOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  try {
    return parseId(decodeURIComponent(raw));
  } catch {
    return null;
  }
}

/**
 * The body read as JSON whatever its Content-Type says (`application/json`,
 * `Application/JSON`, `application/vnd.api+json` … all reach the route's
 * validator as the same JSON), or {} when it is not JSON at all — the route
 * then refuses it (400 or 415) before anything is written.
 */
async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await c.req.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const enforceAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  // HEAD runs the GET handler: it needs what GET needs.
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  if (c.req.path.startsWith('/api/auth/')) return next();
  const match = ruleFor(method, c.req.path);
  if (!match && SAFE_METHODS.has(method)) return next();
  const requirement: Requirement = !match
    ? SECRETARIAT_ONLY
    : typeof match.rule.require === 'function'
      ? match.rule.require(await jsonBody(c))
      : match.rule.require;
  if (requirement.kind === 'public') return next();
  const actor = c.var.actor;
  if (!actor) throw new ApiError('unauthorized', 'この操作にはサインインが必要です。');
  if (requirement.kind === 'signed_in' || actor.role === 'secretariat') return next();
  const reason = match?.rule.reason || 'この操作は事務局だけが行えます。';
  if (requirement.kind === 'roles') {
    if (requirement.roles.includes(actor.role)) return next();
    throw new ApiError('forbidden', reason);
  }
  // own_opinion / own_node: a department user, for its own department's items.
  if (actor.role !== 'department' || actor.departmentId === null) throw new ApiError('forbidden', reason);
  const id = idOf(match?.id);
  // Not an id the route would read: nothing of this department's to change.
  if (id === null) throw new ApiError('forbidden', reason);
  const owners = requirement.kind === 'own_opinion' ? await opinionDepartments(c.var.store.db, id) : await nodeDepartments(c.var.store.db, id);
  if (owners === null) return next();
  if (!owners.includes(actor.departmentId))
    throw new ApiError('forbidden', `${reason}この${requirement.kind === 'own_opinion' ? '意見' : '取組'}はあなたの課の担当ではありません。`);
  // A department answers for itself: it cannot hand a response to another department or set the commitment by hand.
  if (method === 'PUT') {
    const body = await jsonBody(c);
    if (body.departmentId !== undefined && body.departmentId !== actor.departmentId)
      throw new ApiError('forbidden', '担当課の変更は事務局が行います。');
    if (body.commitment !== undefined && body.commitment !== null)
      throw new ApiError('forbidden', '対応区分を手で設定するのは事務局です。対応方針の文面から自動で判定されます。');
  }
  return next();
};
