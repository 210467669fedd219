import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

const stderr = process.stderr as NodeJS.WriteStream & { isTTY?: boolean };
const original = stderr.isTTY;
afterEach(() => {
  stderr.isTTY = original;
  vi.restoreAllMocks();
});

describe('progress on stderr', () => {
  it('is off when stderr is not a TTY (CI logs, pipes)', () => {
    stderr.isTTY = false;
    expect(progressReporter(true)).toBeUndefined();
  });

  it('is off with --quiet even on a TTY', () => {
    stderr.isTTY = true;
    expect(progressReporter(false)).toBeUndefined();
  });

  it('on a TTY, writes files, bytes and rate, then clears the line at the end', () => {
    stderr.isTTY = true;
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const report = progressReporter(true)!;
    report({ files: 1, total: 2, bytes: 2048 });
    report({ files: 2, total: 2, bytes: 4096 });
    expect(writes[0]).toMatch(/1\/2 files, 2(\.0)? ?KB?.*\/s/i);
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });
});
