/**
 * `--follow`: keeps reading a growing file (JSON lines) by polling its size, like `tail -F`. A file
 * that shrinks was truncated or rotated and is read again from the start. Polling (not fs.watch)
 * because it behaves the same on every platform and on network file systems.
 */
import { createReadStream, statSync } from 'node:fs';

export interface FollowOptions {
  intervalMs?: number;
  signal?: AbortSignal;
}

export async function* followFile(path: string, opts: FollowOptions = {}): AsyncGenerator<Buffer> {
  const interval = opts.intervalMs ?? 500;
  let offset = 0;
  while (!opts.signal?.aborted) {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      size = -1;
    }
    if (size >= 0 && size < offset) offset = 0; // truncated or rotated
    if (size > offset) {
      for await (const chunk of createReadStream(path, { start: offset, end: size - 1 })) {
        offset += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      continue;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      opts.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
  }
}
