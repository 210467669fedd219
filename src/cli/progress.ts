// bytes.ts, not table.ts: the progress line must not load the report formatters (aigis hash start-up).
import { formatBytes } from '../report/bytes.js';

/** Files analysed so far, of how many, and bytes read. */
export type ScanProgress = (p: { files: number; total: number; bytes: number }) => void;

/** Progress on stderr, only when stderr is a TTY (never in CI logs or pipes). */
export function progressReporter(enabled: boolean): ScanProgress | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  const start = Date.now();
  let last = 0;
  return ({ files, total, bytes }) => {
    const now = Date.now();
    if (now - last < 100 && files < total) return;
    last = now;
    const rate = bytes / Math.max(0.001, (now - start) / 1000);
    process.stderr.write(`\r\x1b[2K${files}/${total} files, ${formatBytes(bytes)}, ${formatBytes(rate)}/s`);
    if (files >= total) process.stderr.write('\r\x1b[2K');
  };
}
