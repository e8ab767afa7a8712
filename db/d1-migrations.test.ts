import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { D1_MIGRATIONS_DIR, d1MigrationFiles } from './d1-migrations.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the D1 migrations folder', () => {
  it('holds exactly the SQLite migrations, statement for statement', () => {
    const expected = d1MigrationFiles();
    const present = fs.readdirSync(path.join(root, D1_MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(present).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect(fs.readFileSync(path.join(root, D1_MIGRATIONS_DIR, file), 'utf8'), file).toBe(text);
  });

  it('is the folder wrangler.toml applies to the D1 binding', () => {
    const toml = fs.readFileSync(path.join(root, 'wrangler.toml'), 'utf8');
    expect(toml).toMatch(new RegExp(`migrations_dir\\s*=\\s*"${D1_MIGRATIONS_DIR}"`));
  });
});
