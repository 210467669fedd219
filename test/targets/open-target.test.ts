import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openTarget, TargetError } from '../../src/targets/open-target.js';
import { options } from './helpers.js';

const images = path.resolve(__dirname, '../fixtures/images');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-open-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('openTarget detects the target by content', () => {
  it('a directory, a file, and a missing path', async () => {
    expect((await openTarget(tmp, options())).type).toBe('directory');
    writeFileSync(path.join(tmp, 'a.txt'), 'a');
    expect((await openTarget(path.join(tmp, 'a.txt'), options())).type).toBe('file');
    await expect(openTarget(path.join(tmp, 'nope'), options())).rejects.toThrow(TargetError);
  });

  it('an image archive whatever its file name', async () => {
    const renamed = path.join(tmp, 'snapshot.bin');
    copyFileSync(path.join(images, 'docker-legacy.tar'), renamed);
    expect((await openTarget(renamed, options())).type).toBe('image');
  });

  it('a plain tar (even with a long PAX name) is a single file', async () => {
    const long = 'd'.repeat(150);
    writeFileSync(path.join(tmp, long), 'x');
    const tarPath = path.join(tmp, 'plain.tar');
    execFileSync('tar', ['--format=pax', '-cf', tarPath, '-C', tmp, long, 'a.txt']);
    const target = await openTarget(tarPath, options());
    expect(target.type).toBe('file');
    // Said, so that "No findings" is not read as "nothing inside".
    expect(target.notes).toEqual([expect.objectContaining({ level: 'warning', path: 'plain.tar', message: expect.stringContaining('its members are not scanned') })]);
    // A file that is not a tar gets no such note.
    expect((await openTarget(path.join(tmp, 'a.txt'), options())).notes).toEqual([]);
  });

  it('a gzip-compressed image archive is an image; other gzip files are files', async () => {
    const gz = path.join(tmp, 'image.tar.gz');
    writeFileSync(gz, gzipSync(readFileSync(path.join(images, 'oci-archive.tar'))));
    expect((await openTarget(gz, options())).type).toBe('image');
    const legacy = path.join(tmp, 'legacy.tgz');
    writeFileSync(legacy, gzipSync(readFileSync(path.join(images, 'docker-legacy.tar'))));
    expect((await openTarget(legacy, options())).type).toBe('image');
    const text = path.join(tmp, 'notes.gz');
    writeFileSync(text, gzipSync(Buffer.from('just text\n')));
    expect((await openTarget(text, options())).type).toBe('file');
  });

  it('a directory with oci-layout and index.json is an image; one without index.json is not', async () => {
    expect((await openTarget(path.join(images, 'oci-layout'), options())).type).toBe('image');
    writeFileSync(path.join(tmp, 'oci-layout'), '{}');
    expect((await openTarget(tmp, options())).type).toBe('directory');
  });
});
