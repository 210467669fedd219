/**
 * Random-access reads through a sliding window, so that large model files (GGUF, ONNX, safetensors)
 * are parsed with a bounded amount of memory instead of being loaded whole. Every read is checked
 * against the real file size first: a hostile length can never make us allocate or read past the end.
 */
export interface ByteSource {
  size: number;
  readAt(offset: number, length: number): Promise<Buffer>;
}

export class OutOfBoundsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfBoundsError';
  }
}

const DEFAULT_WINDOW = 1 << 20;

export class WindowReader {
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;
  /** Bytes actually fetched from the source (for budgets and tests). */
  bytesRead = 0;

  constructor(
    readonly source: ByteSource,
    private readonly window = DEFAULT_WINDOW,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Returns `length` bytes at `offset`; throws OutOfBoundsError when they are not in the file. */
  async read(offset: number, length: number): Promise<Buffer> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.size) {
      throw new OutOfBoundsError(`read of ${length} bytes at offset ${offset} is outside the file (${this.size} bytes)`);
    }
    if (offset >= this.bufStart && offset + length <= this.bufStart + this.buf.length) {
      return this.buf.subarray(offset - this.bufStart, offset - this.bufStart + length);
    }
    if (length > this.window) {
      this.bytesRead += length;
      return this.source.readAt(offset, length);
    }
    const n = Math.min(this.window, this.size - offset);
    this.buf = await this.source.readAt(offset, n);
    this.bufStart = offset;
    this.bytesRead += this.buf.length;
    if (this.buf.length < length) throw new OutOfBoundsError(`short read at offset ${offset}`);
    return this.buf.subarray(0, length);
  }
}

/** A ByteSource over a buffer already in memory (tests, archive members). */
export function bufferSource(buf: Buffer): ByteSource {
  return { size: buf.length, readAt: async (o, l) => buf.subarray(o, o + l) };
}
