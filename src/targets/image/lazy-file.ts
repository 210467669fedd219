/**
 * ScanFiles for image members whose bytes are not in memory yet (sibling look-ups through
 * `get()`), or that are too big to hold (over the read budget).
 */
import { BudgetExceededError, type FileInfo, type Parser, type ScanFile } from '../../core/analyzer.js';
import { bufferFile } from '../../core/buffer-file.js';

/** Loads the bytes on first use (one targeted layer read), then behaves as a bufferFile. */
export function lazyFile(info: FileInfo, load: () => Promise<Buffer>, readBudget: number): ScanFile {
  let inner: Promise<ScanFile> | undefined;
  const get = () => (inner ??= load().then((buf) => bufferFile(info.path, buf, { layer: info.layer, readBudget })));
  return {
    ...info,
    head: async (n) => (await get()).head(n),
    bytes: async () => (await get()).bytes(),
    text: async () => (await get()).text(),
    readAt: async (o, l) => (await get()).readAt(o, l),
    async *stream() {
      yield* (await get()).stream();
    },
    parsed: async <T>(p: Parser<T>) => (await get()).parsed(p),
    sha256: async () => (await get()).sha256(),
  };
}

/**
 * A member over the read budget: its first bytes (magic numbers) and its SHA-256 were captured
 * while the layer streamed by; whole-content reads throw BudgetExceededError, which the pipeline
 * turns into a per-file note. Streaming it again would mean re-reading the layer, which we keep out
 * of scope (see docs/targets.md).
 */
export function oversizeFile(info: FileInfo, head: Buffer, digest: string, readBudget: number): ScanFile {
  const over = () => new BudgetExceededError(`file is ${info.size} bytes, over the read budget of ${readBudget} bytes (image member: only its first ${head.length} bytes and its SHA-256 are available)`);
  const file: ScanFile = {
    ...info,
    async head(n) {
      if (n > head.length && head.length < info.size) throw over();
      return head.subarray(0, n);
    },
    bytes: () => Promise.reject(over()),
    text: async () => undefined,
    async readAt(offset, length) {
      if (offset + length > head.length && head.length < info.size) throw over();
      return head.subarray(offset, offset + length);
    },
    // eslint-disable-next-line require-yield
    async *stream() {
      throw over();
    },
    parsed: () => Promise.reject(over()),
    sha256: async () => digest,
  };
  return file;
}
