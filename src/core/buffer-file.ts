/**
 * A ScanFile over bytes already in memory: members of archives, image layers, and tests.
 */
import { createHash } from 'node:crypto';
import { BudgetExceededError, type Parser, type ScanFile } from './analyzer.js';
import { fileInfo } from './file-info.js';
import { decodeText } from './text.js';

export const DEFAULT_READ_BUDGET = 64 * 1024 * 1024;

export function bufferFile(path: string, content: Buffer | string, opts: { layer?: string; readBudget?: number } = {}): ScanFile {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const info = fileInfo(path, buf.length, opts.layer);
  const budget = opts.readBudget ?? DEFAULT_READ_BUDGET;
  const memo = new Map<string, unknown>();
  let text: string | undefined | null = null;
  let digest: string | undefined;
  const file: ScanFile = {
    ...info,
    async head(n) {
      return buf.subarray(0, n);
    },
    async bytes() {
      if (buf.length > budget) throw new BudgetExceededError(`file is ${buf.length} bytes, over the read budget of ${budget}`);
      return buf;
    },
    async text() {
      if (text === null) text = buf.length > budget ? undefined : decodeText(buf);
      return text;
    },
    async readAt(offset, length) {
      return buf.subarray(offset, offset + length);
    },
    async *stream() {
      const chunk = 1 << 20;
      for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
    },
    async parsed<T>(parser: Parser<T>): Promise<T> {
      if (!memo.has(parser.id)) {
        const bytes = await file.bytes();
        memo.set(parser.id, parser.parse({ bytes, text: await file.text(), info }));
      }
      return memo.get(parser.id) as T;
    },
    async sha256() {
      digest ??= createHash('sha256').update(buf).digest('hex');
      return digest;
    },
  };
  return file;
}
