import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInfo } from '../../src/core/file-info.js';
import { localFile } from '../../src/targets/local-file.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-local-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `size` bytes with a recognisable pattern, and its ScanFile. */
function make(name: string, size: number, budget = 64 << 20) {
  const content = Buffer.alloc(size);
  for (let i = 0; i < size; i++) content[i] = (i * 31 + 7) & 0xff;
  const abs = join(dir, name);
  writeFileSync(abs, content);
  return { content, file: localFile(fileInfo(name, size), abs, budget) };
}

describe('localFile', () => {
  // Small files (up to 1 MiB) are served from one whole read; larger ones from the disk each time.
  for (const [label, size] of [['small', 4096], ['large', (1 << 20) + 4096]] as const) {
    it(`${label} file: readAt gives the same bytes as the file, clipped at its end`, async () => {
      const { content, file } = make(`${label}.bin`, size);
      expect(await file.readAt(0, 16)).toEqual(content.subarray(0, 16));
      expect(await file.readAt(100, 50)).toEqual(content.subarray(100, 150));
      expect(await file.readAt(size - 10, 100)).toEqual(content.subarray(size - 10));
      expect((await file.readAt(size + 5, 10)).length).toBe(0);
    });

    it(`${label} file: what readAt returns belongs to the caller (changing it changes no later read)`, async () => {
      const { content, file } = make(`${label}-own.bin`, size);
      const first = await file.readAt(0, 8);
      first.fill(0);
      expect(await file.readAt(0, 8)).toEqual(content.subarray(0, 8));
      expect((await file.bytes()).subarray(0, 8)).toEqual(content.subarray(0, 8));
    });

    it(`${label} file: sha256 is the digest of the content`, async () => {
      const { content, file } = make(`${label}-digest.bin`, size);
      expect(await file.sha256()).toBe(createHash('sha256').update(content).digest('hex'));
    });
  }

  it('keeps the FileInfo fields and reports a file over the read budget', async () => {
    const { file } = make('budget.bin', 2048, 1024);
    expect({ path: file.path, name: file.name, ext: file.ext, size: file.size }).toEqual({ path: 'budget.bin', name: 'budget.bin', ext: '.bin', size: 2048 });
    await expect(file.bytes()).rejects.toThrow(/over the read budget of 1024 bytes/);
    expect(await file.text()).toBeUndefined();
  });

  it('a file removed after indexing rejects with a readable message', async () => {
    const { file } = make('gone.bin', 100);
    rmSync(join(dir, 'gone.bin'));
    await expect(file.readAt(0, 10)).rejects.toThrow(/no longer exists/);
  });
});
