/**
 * A progress bar for command-line tools: redrawn in place on a terminal,
 * and printed every tenth of the way when the output goes to a file or CI log.
 */
const WIDTH = 30;

/** `[██████░░░░…] 52%  5,200 / 10,000 件` */
export function formatProgress(done: number, total: number): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} 件`;
}

/** A function to call with each update; it draws on `stream`. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const line = formatProgress(done, total);
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
