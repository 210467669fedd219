/** Test helpers: a file-backed ScanFile (the pipeline's own lands on main) and an analyzer context. */
import { createHash } from 'node:crypto';
import { existsSync, openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BudgetExceededError, type AnalyzerContext, type Parser, type ScanFile } from '../../../src/core/analyzer.js';
import { fileInfo } from '../../../src/core/file-info.js';
import { decodeText } from '../../../src/core/text.js';
import { modelFormatsAnalyzer } from '../../../src/models/formats-analyzer.js';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/models/formats');

export function diskFile(abs: string, rel: string, budget = 64 << 20): ScanFile & { bytesRead: () => number } {
  const size = statSync(abs).size;
  let read = 0;
  const readAt = async (offset: number, length: number) => {
    const n = Math.max(0, Math.min(length, size - offset));
    const buf = Buffer.alloc(n);
    const fd = openSync(abs, 'r');
    try {
      readSync(fd, buf, 0, n, offset);
    } finally {
      closeSync(fd);
    }
    read += n;
    return buf;
  };
  const memo = new Map<string, unknown>();
  const file = {
    ...fileInfo(rel, size),
    bytesRead: () => read,
    head: (n: number) => readAt(0, n),
    async bytes() {
      if (size > budget) throw new BudgetExceededError(`over budget: ${size}`);
      read += size;
      return readFileSync(abs);
    },
    async text() {
      return size > budget ? undefined : decodeText(readFileSync(abs));
    },
    readAt,
    async *stream() {
      for (let o = 0; o < size; o += 1 << 20) yield await readAt(o, 1 << 20);
    },
    async parsed<T>(p: Parser<T>): Promise<T> {
      if (!memo.has(p.id)) memo.set(p.id, p.parse({ bytes: await file.bytes(), text: await file.text(), info: fileInfo(rel, size) }));
      return memo.get(p.id) as T;
    },
    async sha256() {
      const h = createHash('sha256');
      for await (const c of file.stream()) h.update(c);
      return h.digest('hex');
    },
  };
  return file;
}

export function context(root = FIXTURES, ms = 10_000): AnalyzerContext {
  return {
    deadline: Date.now() + ms,
    exists: (p) => existsSync(join(root, p)),
    open: (p) => (existsSync(join(root, p)) ? diskFile(join(root, p), p) : undefined),
  };
}

/** Runs the model-formats analyzer on a fixture path relative to FIXTURES. */
export async function analyzeFixture(rel: string) {
  const file = diskFile(join(FIXTURES, rel), rel);
  expect(modelFormatsAnalyzer.match(file)).toBe(true);
  return modelFormatsAnalyzer.analyze(file, context());
}

import { expect } from 'vitest';
