import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const seed = (name: string) => path.resolve(root, '..', 'shared', 'seeds', name);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('npm run import', () => {
  it('imports documents with a readable summary, and a dry run writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    const env = { ...process.env, DATABASE_PATH: path.join(dir, 'app.db') };
    try {
      const dry = execFileSync(tsx, ['seeds/import-cli.ts', seed('001_4cf7fbf0a1127527.txt'), '--dry-run'], { cwd: root, env, encoding: 'utf8' });
      expect(dry).toContain('001_4cf7fbf0a1127527.txt（計画）［試し取り込み：書き込んでいません］');
      expect(dry).toContain('作成予定: 計画 1件、計画のノード 62件、指標 39件');
      const real = execFileSync(tsx, ['seeds/import-cli.ts', seed('001_4cf7fbf0a1127527.txt'), seed('000_f455e2d430f9a307.txt')], { cwd: root, env, encoding: 'utf8' });
      expect(real).toContain('作成: 計画 1件、計画のノード 62件、指標 39件');
      expect(real).toContain('作成: 会議 1件、意見 10件、対応方針 10件');
      expect(real).toMatch(/注意 25行目: 意見の記号/);
      const failed = spawnSync(tsx, ['seeds/import-cli.ts', '/bin/ls', '--kind', 'plan'], { cwd: root, env, encoding: 'utf8' });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('✗ ls: 読み取れない形式のファイルです');
      const usage = spawnSync(tsx, ['seeds/import-cli.ts', '--kind', 'nonsense', 'x'], { cwd: root, env, encoding: 'utf8' });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('--kind には');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
