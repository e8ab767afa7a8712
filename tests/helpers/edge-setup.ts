/**
 * Global setup of the `edge` test project: builds the Worker once per run
 * exactly as `wrangler deploy` would bundle it (`--dry-run --outdir`), and
 * makes template D1 states with `wrangler d1 migrations apply --local` — the
 * deploy path itself — one empty and one holding the sample data. Each test
 * context then starts from a copy of a template (tests/helpers/edge-runtime.ts).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { loadSampleData } from '../../seeds/sample/load.js';
import { readWranglerConfig, startEdgeRuntime, type EdgeBuild } from './edge-runtime.js';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    edgeBuild: EdgeBuild;
  }
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs wrangler from the project, without telemetry. */
export function wrangler(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(path.join(root, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iken-edge-build-'));
  const bundleDir = path.join(dir, 'bundle');
  await wrangler(['deploy', '--dry-run', '--outdir', bundleDir]);
  const empty = path.join(dir, 'empty-state');
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', empty]);
  const config = readWranglerConfig();
  const build: EdgeBuild = { bundle: path.join(bundleDir, 'worker.js'), templates: { empty, sample: path.join(dir, 'sample-state') }, config };

  // The sample data, loaded once through the D1 store from Node, copied for every context that asks for it.
  fs.cpSync(empty, build.templates.sample, { recursive: true });
  const edge = await startEdgeRuntime(build, { state: build.templates.sample });
  try {
    await loadSampleData(edge.store);
  } finally {
    await edge.dispose();
  }
  project.provide('edgeBuild', build);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
