/** `-r` / `-c` includes of requirements files: relative resolution, target boundary, cycles, depth. */
import { describe, expect, it } from 'vitest';
import { bufferFile } from '../../src/core/buffer-file.js';
import { logicalLines, requirementsTxt, resolveInclude } from '../../src/packages/parsers/requirements-txt.js';
import type { ParseContext } from '../../src/packages/types.js';

function ctxOf(files: Record<string, string>): ParseContext {
  return { open: (p) => (p in files ? bufferFile(p, files[p]) : undefined) };
}

describe('requirements includes', () => {
  it('resolves relative to the including file and stays inside the target', () => {
    expect(resolveInclude('svc/requirements.txt', '../common/base.in')).toBe('common/base.in');
    expect(resolveInclude('requirements.txt', '../outside.txt')).toBeUndefined();
    expect(resolveInclude('requirements.txt', '/etc/passwd')).toBeUndefined();
    expect(resolveInclude('requirements.txt', 'https://example.com/r.txt')).toBeUndefined();
  });

  it('follows includes, notes missing and escaping ones, and survives cycles', async () => {
    const files = {
      'app/requirements.txt': '-r ../common/a.in\n--requirement=missing.in\n-r ../../etc/x.txt\ntorch==2.5.1\n',
      'common/a.in': 'ray==2.9.3\n-r b.in\n',
      'common/b.in': 'vllm==0.8.4\n-r a.in\n',
    };
    const out = await requirementsTxt.parse(files['app/requirements.txt'], 'app/requirements.txt', ctxOf(files));
    expect(out.entries.map((e) => `${e.name}@${e.version} ${e.path}:${e.line}`)).toEqual([
      'ray@2.9.3 common/a.in:1',
      'vllm@0.8.4 common/b.in:1',
      'torch@2.5.1 app/requirements.txt:4',
    ]);
    expect(out.notes.map((n) => n.message)).toEqual([
      'line 2: included file "missing.in" is not in the target',
      'line 3: include "../../etc/x.txt" points outside the target; not followed',
    ]);
  });

  it('bounds include depth', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`r${i}.in`] = `pkg${i}==1.0\n-r r${i + 1}.in\n`;
    files['requirements.txt'] = '-r r0.in\n';
    const out = await requirementsTxt.parse(files['requirements.txt'], 'requirements.txt', ctxOf(files));
    expect(out.entries.length).toBeLessThan(12);
    expect(out.notes.some((n) => /nested more than 8 levels/.test(n.message))).toBe(true);
  });

  it('joins continuation lines and strips comments only at line start or after whitespace', () => {
    expect(logicalLines('a==1 \\\n  --hash=sha256:x\n# c\nb==2 # note\nc @ https://x/y.whl#sha256=1\n')).toEqual([
      { text: 'a==1    --hash=sha256:x', line: 1 },
      { text: 'b==2', line: 4 },
      { text: 'c @ https://x/y.whl#sha256=1', line: 5 },
    ]);
  });
});
