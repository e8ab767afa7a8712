import { describe, expect, it } from 'vitest';
import { formatProgress, progressBar } from './progress-bar.js';

describe('the progress bar of npm run reindex', () => {
  it('shows the share done, and the counts with separators', () => {
    expect(formatProgress(5200, 10000)).toBe(`[${'█'.repeat(16)}${'░'.repeat(14)}]  52%  5,200 / 10,000 件`);
    expect(formatProgress(0, 0)).toContain('100%');
  });

  it('prints a line every tenth of the way when the output is not a terminal', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const draw = progressBar(stream);
    for (let done = 0; done <= 1000; done += 7) draw(done, 1000);
    draw(1000, 1000);
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toContain('100%');
  });
});
