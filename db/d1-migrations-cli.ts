/** `npm run migrations:d1`: writes db/d1-migrations/*.sql from the migrations (see db/d1-migrations.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { D1_MIGRATIONS_DIR, d1MigrationFiles } from './d1-migrations.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', D1_MIGRATIONS_DIR);
fs.mkdirSync(dir, { recursive: true });
for (const [file, text] of d1MigrationFiles()) {
  const target = path.join(dir, file);
  if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
  fs.writeFileSync(target, text);
  console.log(`${path.join(D1_MIGRATIONS_DIR, file)} を書き出しました。`);
}
