/**
 * The scanner never runs what it scans: payloads that would create a marker file (shell, Python
 * exec, subprocess; as a bare pickle, inside a torch zip, after a joblib-style array) are scanned
 * and the marker never appears.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInfo } from '../../src/core/file-info.js';
import { localFile } from '../../src/targets/local-file.js';
import { modelPickleAnalyzer } from '../../src/analyzers/model-pickle.js';
import { ctx } from './helpers.js';
import { makeZip, shellPickle } from './zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-never-'));
const marker = join(dir, 'PWNED');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const str = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(b.length);
  return Buffer.concat([Buffer.from('X', 'latin1'), len, b]);
};
const execPickle = Buffer.concat([Buffer.from('\x80\x02cbuiltins\nexec\n', 'latin1'), str(`open(${JSON.stringify(marker)}, 'w').write('x')`), Buffer.from('\x85R.', 'latin1')]);
const subprocessPickle = Buffer.concat([Buffer.from('\x80\x02csubprocess\ncall\n(', 'latin1'), str('touch'), str(marker), Buffer.from('ltR.', 'latin1')]);

const PAYLOADS: [string, Buffer][] = [
  ['shell.pkl', shellPickle(`touch ${marker}`)],
  ['exec.pkl', execPickle],
  ['subprocess.pkl', subprocessPickle],
  ['checkpoint.pt', makeZip([{ name: 'checkpoint/data.pkl', data: shellPickle(`touch ${marker}`), deflate: true }])],
];

describe('never executes scanned content', () => {
  it.each(PAYLOADS)('%s is reported and the marker file never appears', async (name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const r = await modelPickleAnalyzer.analyze(localFile(fileInfo(name, bytes.length), path, 1 << 26), ctx());
    expect(r.findings?.some((f) => f.severity === 'critical')).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});
