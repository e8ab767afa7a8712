/**
 * Server settings from the environment (PRODUCT.md). Bad values stop the
 * server at start with a message naming the setting, instead of surprising
 * later.
 */
export interface Settings {
  port: number;
  databasePath: string;
  sampleData: boolean;
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT には 0〜65535 のポート番号を指定してください（指定値: "${env.PORT}"）`);
  const sample = (env.SAMPLE_DATA ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(sample)) throw new Error(`SAMPLE_DATA には "on" か "off" を指定してください（指定値: "${env.SAMPLE_DATA}"）`);
  return {
    port,
    databasePath: env.DATABASE_PATH || './data/app.db',
    sampleData: sample === 'on',
  };
}
