/**
 * A ScanFile backed by a file on disk: content is read lazily, at most once, within the read budget.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { BudgetExceededError, type FileInfo, type Parser, type ScanFile } from '../core/analyzer.js';
import { decodeText } from '../core/text.js';

export function localFile(info: FileInfo, absPath: string, readBudget: number): ScanFile {
  let bytesP: Promise<Buffer> | undefined;
  let textP: Promise<string | undefined> | undefined;
  let digestP: Promise<string> | undefined;
  const memo = new Map<string, Promise<unknown>>();

  const file: ScanFile = {
    ...info,
    async head(n) {
      if (bytesP) return (await bytesP).subarray(0, n);
      return file.readAt(0, n);
    },
    bytes() {
      if (info.size > readBudget) {
        return Promise.reject(new BudgetExceededError(`file is ${info.size} bytes, over the read budget of ${readBudget} bytes`));
      }
      bytesP ??= readFile(absPath);
      return bytesP;
    },
    text() {
      textP ??= info.size > readBudget ? Promise.resolve(undefined) : file.bytes().then(decodeText);
      return textP;
    },
    async readAt(offset, length) {
      const fh = await open(absPath, 'r');
      try {
        const want = Math.max(0, Math.min(length, info.size - offset));
        const buf = Buffer.alloc(want);
        const { bytesRead } = await fh.read(buf, 0, want, offset);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    async *stream() {
      for await (const chunk of createReadStream(absPath, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
    },
    parsed<T>(parser: Parser<T>): Promise<T> {
      let p = memo.get(parser.id) as Promise<T> | undefined;
      if (!p) {
        p = (async () => {
          const bytes = await file.bytes();
          return parser.parse({ bytes, text: await file.text(), info });
        })();
        memo.set(parser.id, p);
      }
      return p;
    },
    sha256() {
      digestP ??= (async () => {
        const h = createHash('sha256');
        for await (const chunk of file.stream()) h.update(chunk);
        return h.digest('hex');
      })();
      return digestP;
    },
  };
  return file;
}
