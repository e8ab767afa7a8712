/** The targets of issue 8, checked against a run's figures. */
export interface TargetCheck {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

export interface Figures {
  import: { ratio: number };
  api: { ratio: number; p99Ms: number };
  search: { p95Ms: number; ratio: number };
  summary: { ms: number };
  sync: { p95Ms: number };
  web: { jsGzipBytes: number };
}

export function checkTargets(f: Partial<Figures>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (name: string, value: number | undefined, target: string, met: (v: number) => boolean) => {
    if (value !== undefined) checks.push({ name, value, target, met: met(value) });
  };
  add('import.ratio', f.import?.ratio, '≥ 0.5', (v) => v >= 0.5);
  add('api.ratio', f.api?.ratio, '≥ 0.5', (v) => v >= 0.5);
  add('api.p99Ms', f.api?.p99Ms, '≤ 25', (v) => v <= 25);
  add('search.p95Ms', f.search?.p95Ms, '≤ 50', (v) => v <= 50);
  add('search.ratio', f.search?.ratio, '≤ 1.5', (v) => v <= 1.5);
  add('summary.ms', f.summary?.ms, '≤ 200', (v) => v <= 200);
  add('sync.p95Ms', f.sync?.p95Ms, '≤ 1000', (v) => v <= 1000);
  add('web.jsGzipBytes', f.web?.jsGzipBytes, '≤ 122880', (v) => v <= 120 * 1024);
  return checks;
}
