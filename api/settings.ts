/**
 * Server settings from the environment (PRODUCT.md). Bad values stop the
 * server at start with a message naming the setting, instead of surprising
 * later.
 */
import type { EngineSetting } from '../search/search-engine.js';
export interface Settings {
  port: number;
  databasePath: string;
  sampleData: boolean;
  /** Cookies carry `Secure` except in local development (`NODE_ENV=development` or `COOKIE_SECURE=off`). */
  secureCookies: boolean;
  /** Signs session cookies; generated and kept in the database when not set. */
  authSecret: string | undefined;
  bootstrapAdminEmail: string | undefined;
  bootstrapAdminPassword: string | undefined;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** The address people use (PUBLIC_URL), e.g. https://iken.city.example.jp, behind a reverse proxy. */
  publicOrigin: string | undefined;
  /** MEILI_HOST: unset starts the bundled engine, `none` runs without one, a URL uses that engine (with MEILI_API_KEY). */
  search: EngineSetting;
  /** PUBLIC_CACHE: keep the public's GET answers in memory until the data changes (on by default). */
  publicCache: boolean;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (v !== 'on' && v !== 'off') throw new Error(`${name} には "on" か "off" を指定してください（指定値: "${value}"）`);
  return v === 'on';
}

function publicOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL には https://iken.city.example.jp のような URL を指定してください（指定値: "${value}"）`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL は http:// か https:// で始めてください（指定値: "${value}"）`);
  return url.origin;
}

function searchSetting(host: string | undefined, apiKey: string | undefined): EngineSetting {
  if (!host) return { kind: 'bundled' };
  if (host.toLowerCase() === 'none') return { kind: 'none' };
  try {
    const url = new URL(host);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`MEILI_HOST には http://127.0.0.1:7700 のような URL か "none" を指定してください（指定値: "${host}"）`);
  }
  return { kind: 'remote', host, apiKey: apiKey || undefined };
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT には 0〜65535 のポート番号を指定してください（指定値: "${env.PORT}"）`);
  const email = env.BOOTSTRAP_ADMIN_EMAIL?.trim() || undefined;
  const password = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if ((email === undefined) !== (password === undefined))
    throw new Error('BOOTSTRAP_ADMIN_EMAIL と BOOTSTRAP_ADMIN_PASSWORD は両方とも指定してください。');
  return {
    port,
    databasePath: env.DATABASE_PATH || './data/app.db',
    sampleData: onOff(env, 'SAMPLE_DATA', true),
    secureCookies: onOff(env, 'COOKIE_SECURE', env.NODE_ENV !== 'development'),
    authSecret: env.AUTH_SECRET || undefined,
    bootstrapAdminEmail: email,
    bootstrapAdminPassword: password,
    trustProxy: onOff(env, 'TRUST_PROXY', false),
    publicOrigin: publicOrigin(env.PUBLIC_URL),
    search: searchSetting(env.MEILI_HOST, env.MEILI_API_KEY),
    publicCache: onOff(env, 'PUBLIC_CACHE', true),
  };
}
