import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/server/data-lock.js';

describe('PGlite data directory lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aigis-lock-'));
  const file = path.join(dir, 'aigis-serve.lock');
  afterEach(() => rmSync(file, { force: true }));

  it('holds the pid and is removed on release', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a directory held by a live process, naming it', () => {
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock left by a dead process', () => {
    writeFileSync(file, '4194303'); // above the default pid_max: never a live process
    const release = lockDataDir(dir);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
  });
});
