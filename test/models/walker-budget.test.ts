/**
 * A budget that stops the pickle emulation must not hide what follows: the rest of the stream is
 * decoded for imports and the unfinished walk is itself a high finding (issue 9, item 4).
 */
import { describe, expect, it } from 'vitest';
import { walkPickleBuffer } from '../../src/models/pickle/walker.js';
import { analyzeBytes } from './helpers.js';

/** PROTO 2, `n` BININT1 pushes, then the payload. */
function padded(n: number, payload: Buffer): Buffer {
  const pad = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) pad[i * 2] = 0x4b; // BININT1 0
  return Buffer.concat([Buffer.from([0x80, 0x02]), pad, payload]);
}
const osSystem = Buffer.from("cos\nsystem\nX\x02\x00\x00\x00id\x85R.", 'latin1');
/** Protocol-4 style: memoised strings feeding STACK_GLOBAL. */
const stackGlobal = Buffer.from('\x8c\x05posix\x94\x8c\x06system\x94\x93h\x00h\x01\x93X\x02\x00\x00\x00id\x85R.', 'latin1');

describe('pickle walk after a budget stop', () => {
  it('finds GLOBAL os.system after 1.5M pushes stop the emulation (memory budget)', async () => {
    const scan = await walkPickleBuffer(padded(1_500_000, osSystem));
    expect(scan.budgetKind).toBe('memory');
    expect(scan.importScan).toMatchObject({ complete: true, globals: 1 });
    expect(scan.globals.map((g) => `${g.module}.${g.name}`)).toEqual(['os.system']);
  });

  it('finds STACK_GLOBAL operands pushed directly and through the memo after a step budget', async () => {
    const scan = await walkPickleBuffer(padded(5000, stackGlobal), { maxOps: 1000 });
    expect(scan.budgetKind).toBe('steps');
    expect(scan.globals.map((g) => `${g.module}.${g.name}`)).toEqual(['posix.system']);
    expect(scan.tampering).toEqual([]);
  });

  it('reports a STACK_GLOBAL whose operands the import scan cannot name as a dynamic global', async () => {
    const scan = await walkPickleBuffer(padded(5000, Buffer.from('K\x01K\x02\x93.', 'latin1')), { maxOps: 1000 });
    expect(scan.tampering.map((t) => t.kind)).toEqual(['dynamic-global']);
  });

  it('a time stop does not start the import scan (it would not be deterministic)', async () => {
    const scan = await walkPickleBuffer(padded(100_000, osSystem), { deadline: Date.now() - 1 });
    expect(scan.budgetKind).toBe('time');
    expect(scan.importScan).toBeUndefined();
  });

  it('the analyzer reports the global and the unfinished walk; a complete walk of the same payload does not', async () => {
    const r = await analyzeBytes('padded.pkl', padded(1_500_000, osSystem));
    const ids = (r.findings ?? []).map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids).toContain('model/pickle-analysis-incomplete:high');
    expect((r.findings ?? []).some((f) => f.ruleId !== 'model/pickle-analysis-incomplete' && f.message.includes('os.system'))).toBe(true);
    const safeTwin = await analyzeBytes('short.pkl', padded(1000, osSystem));
    expect((safeTwin.findings ?? []).map((f) => f.ruleId)).not.toContain('model/pickle-analysis-incomplete');
  });
});
