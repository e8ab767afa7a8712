/**
 * The charts' colours. Each stands at least 4.5:1 against the white page
 * (WCAG asks 3:1 of graphics), and bars are separated by white gaps, so
 * neighbouring segments read apart without relying on their hue alone;
 * every chart also has a legend and a table with the same figures.
 */
import type { ProgressStatus } from '../api/types.js';

export const STATUS_COLORS: Record<ProgressStatus, string> = {
  done: '#1e7b3c',
  on_track: '#1f6fb2',
  delayed: '#c0392b',
  not_started: '#a35f00',
  suspended: '#6b7280',
};

/** An indicator's series: actuals a solid line, targets a dashed one, the baseline a point. */
export const INDICATOR_COLORS = {
  actual: '#0031d8',
  target: '#b35c00',
  baseline: '#4d525a',
} as const;

/** Gridlines: light enough to stay behind the data. */
export const GRID_COLOR = '#d5d9df';
