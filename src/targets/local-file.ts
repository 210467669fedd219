/**
 * A ScanFile backed by a file on disk: content is read lazily, at most once, within the read budget.
 *
 * The file may have changed since the target was indexed (hostile or just busy trees): every read
 * opens with O_NOFOLLOW (a file swapped for a symlink is not followed out of the target) and
 * O_NONBLOCK (a file swapped for a FIFO cannot hang the scan), then checks with fstat that it is
 * still a regular file and still within the budget. Failures reject with a readable message,
 * which the pipeline turns into a per-file note.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { BudgetExceededError, type FileInfo, type Parser, type ScanFile } from '../core/analyzer.js';
import { nodeCrypto, sha256Hex } from '../core/node-crypto.js';
import { decodeText } from '../core/text.js';

// Both flags are POSIX; on Windows they are undefined and the fstat check still applies.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Files up to this size (as indexed) are read with synchronous calls; see readSmallSync. */
const SYNC_READ_MAX = 1 << 20;

export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** Opens a target file for reading, refusing anything that is no longer a regular file. */
export async function openRegular(absPath: string | Buffer): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(absPath, OPEN_FLAGS);
  } catch (err) {
    throw new FileReadError(`cannot read file: ${describeFsError(err)}`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new FileReadError(`cannot read file: it is no longer a regular file (now ${kindOf(st)})`);
    return { fh, size: st.size };
  } catch (err) {
    await fh.close();
    throw err instanceof FileReadError ? err : new FileReadError(`cannot read file: ${describeFsError(err)}`);
  }
}

export function localFile(info: FileInfo, absPath: string | Buffer, readBudget: number): ScanFile {
  return new LocalFile(info, absPath, readBudget);
}

/**
 * One object per file with its methods on the prototype: a scan of 100k files creates 100k of these,
 * and the former object literal of closures (about 2.5 KB each, a dozen functions and their context)
 * was most of what the young generation promoted to the old one (measured with the sampling heap
 * profiler: 260 MB over a 100k-file scan, which set the peak RSS).
 */
class LocalFile implements ScanFile {
  // Set by Object.assign in the constructor (`declare`: no class-field initialisation before it).
  declare readonly path: string;
  declare readonly name: string;
  declare readonly ext: string;
  declare readonly size: number;
  declare readonly layer?: string;
  readonly #info: FileInfo;
  readonly #abs: string | Buffer;
  readonly #budget: number;
  #bytes?: Promise<Buffer>;
  #text?: Promise<string | undefined>;
  #digest?: Promise<string>;
  #memo?: Map<string, Promise<unknown>>;

  constructor(info: FileInfo, absPath: string | Buffer, readBudget: number) {
    // The FileInfo fields, as the former `{ ...info }` copied them (own enumerable data only).
    Object.assign(this, info);
    this.#info = info;
    this.#abs = absPath;
    this.#budget = readBudget;
  }

  #overBudget(size: number): BudgetExceededError {
    return new BudgetExceededError(`file is ${size} bytes, over the read budget of ${this.#budget} bytes`);
  }

  async #readWhole(): Promise<Buffer> {
    const { fh, size } = await openRegular(this.#abs);
    try {
      if (size > this.#budget) throw this.#overBudget(size);
      // Read the size fstat gave for the open handle (a file that grows later is read as it was).
      const buf = Buffer.allocUnsafe(size);
      let n = 0;
      while (n < size) {
        const { bytesRead } = await fh.read(buf, n, size - n, n);
        if (bytesRead === 0) break; // shrank meanwhile
        n += bytesRead;
      }
      return n === size ? buf : buf.subarray(0, n);
    } finally {
      await fh.close();
    }
  }

  /**
   * Small files are read synchronously: with tens of thousands of them, the four thread-pool round
   * trips of an async open/fstat/read/close cost more than the reads (measured: 20,000 files, the
   * pipeline spent ~1.4 s of main-thread time in fs callbacks). Same flags and fstat check as above.
   */
  #readSmallSync(): Buffer {
    let fd: number;
    try {
      fd = openSync(this.#abs, OPEN_FLAGS);
    } catch (err) {
      throw new FileReadError(`cannot read file: ${describeFsError(err)}`);
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new FileReadError(`cannot read file: it is no longer a regular file (now ${kindOf(st)})`);
      if (st.size > this.#budget) throw this.#overBudget(st.size);
      const buf = Buffer.allocUnsafe(st.size);
      let n = 0;
      while (n < st.size) {
        const got = readSync(fd, buf, n, st.size - n, n);
        if (got === 0) break; // shrank meanwhile
        n += got;
      }
      return n === st.size ? buf : buf.subarray(0, n);
    } catch (err) {
      throw err instanceof FileReadError || err instanceof BudgetExceededError ? err : new FileReadError(`cannot read file: ${describeFsError(err)}`);
    } finally {
      closeSync(fd);
    }
  }

  async head(n: number): Promise<Buffer> {
    // A small file is read whole once (cached for the analyzers that read it next).
    if (this.#bytes || this.#small()) return (await this.bytes()).subarray(0, n);
    return this.readAt(0, n);
  }

  bytes(): Promise<Buffer> {
    if (this.size > this.#budget) return Promise.reject(this.#overBudget(this.size));
    this.#bytes ??= this.size <= SYNC_READ_MAX ? new Promise((resolve) => resolve(this.#readSmallSync())) : this.#readWhole();
    return this.#bytes;
  }

  text(): Promise<string | undefined> {
    this.#text ??= this.size > this.#budget ? Promise.resolve(undefined) : this.bytes().then(decodeText);
    return this.#text;
  }

  /** True when the whole file is (or will be) read once, synchronously, and cached: see head(). */
  #small(): boolean {
    return this.size <= Math.min(SYNC_READ_MAX, this.#budget);
  }

  async readAt(offset: number, length: number): Promise<Buffer> {
    // Small files: a slice of the one whole read (a copy: callers own what they get), instead of an
    // open/fstat/read/close round trip through the thread pool per call (model readers call readAt
    // several times per file: measured a third of the CPU time on 1,000 small pickles).
    if (this.#small() && Number.isSafeInteger(offset) && offset >= 0) {
      const bytes = await this.bytes();
      return Buffer.from(bytes.subarray(offset, offset + Math.max(0, Math.min(length, bytes.length - offset))));
    }
    const { fh, size } = await openRegular(this.#abs);
    try {
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  async *stream(): AsyncIterable<Buffer> {
    const { fh } = await openRegular(this.#abs);
    // The stream closes the handle when it ends or is destroyed.
    yield* fh.createReadStream({ highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
  }

  parsed<T>(parser: Parser<T>): Promise<T> {
    const memo = (this.#memo ??= new Map());
    let p = memo.get(parser.id) as Promise<T> | undefined;
    if (!p) {
      p = (async () => {
        const bytes = await this.bytes();
        return parser.parse({ bytes, text: await this.text(), info: this.#info });
      })();
      memo.set(parser.id, p);
    }
    return p;
  }

  sha256(): Promise<string> {
    // A small file is hashed from its one whole read (see readAt), in one call; larger ones are streamed.
    this.#digest ??= this.#small()
      ? this.bytes().then(sha256Hex)
      : (async () => {
          const h = nodeCrypto().createHash('sha256');
          for await (const chunk of this.stream()) h.update(chunk);
          return h.digest('hex');
        })();
    return this.#digest;
  }
}

export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as NodeJS.ErrnoException).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'it no longer exists (removed since the target was indexed)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'it is now a symbolic link, which is not followed';
    case 'EISDIR':
      return 'it is now a directory';
    case 'EIO':
      return 'I/O error';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isSymbolicLink(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'a device or special file';
}
