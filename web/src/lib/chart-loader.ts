/**
 * Loads Chart.js on first use (dynamic import, its own chunk), once per page
 * load. Elements that draw charts call this; nothing else pulls Chart.js in.
 */
export type ChartModule = typeof import('./chart-setup.js');

let loading: Promise<ChartModule> | undefined;

export function loadCharts(): Promise<ChartModule> {
  // A failed load (offline) is not remembered, so the next chart tries again.
  loading ??= import('./chart-setup.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
