/** The pickle opcode walker on hand-written streams (every opcode path that resolves globals). */
import { describe, expect, it } from 'vitest';
import { walkPickle, walkPickleBuffer, type PValue } from '../../src/models/pickle/walker.js';
import { dtypeInfo, joblibArrayLayout } from '../../src/models/pickle/joblib.js';
import { classifyGlobal } from '../../src/models/pickle/verdict.js';
import { shellPickle } from './zip-writer.js';

const b = (s: string) => Buffer.from(s, 'latin1');
const names = async (buf: Buffer) => (await walkPickleBuffer(buf)).globals.map((g) => `${g.module}.${g.name}`);

describe('walkPickle', () => {
  it('resolves GLOBAL and maps Python 2 module names', async () => {
    expect(await names(b('c__builtin__\neval\n(S\'1\'\ntR.'))).toEqual(['builtins.eval']);
  });

  it('resolves INST with its arguments', async () => {
    expect(await names(b("(S'id'\nios\nsystem\n."))).toEqual(['os.system']);
  });

  it('resolves STACK_GLOBAL fed by memo GET of strings put away earlier', async () => {
    const p = b('\x80\x04\x8c\x02os\x94\x30\x8c\x06system\x94\x30h\x00h\x01\x93\x8c\x02id\x85R.');
    expect(await names(p)).toEqual(['os.system']);
  });

  it('resolves STACK_GLOBAL fed by protocol-0 STRING/UNICODE and PUT/GET', async () => {
    const p = b("\x80\x04S'subprocess'\np0\n0Vcall\np1\n0g0\ng1\n\x93(S'id'\ntR.");
    expect(await names(p)).toEqual(['subprocess.call']);
  });

  it('resolves STACK_GLOBAL fed by LONG_BINPUT/LONG_BINGET and BINUNICODE8', async () => {
    const mod = Buffer.concat([b('\x8d'), Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), b('builtins')]);
    const q = Buffer.concat([b('\x80\x05'), mod, b('r\x10\x00\x00\x000j\x10\x00\x00\x00\x8c\x04exec\x93N\x85R.')]);
    expect(await names(q)).toEqual(['builtins.exec']);
  });

  it('decodes escapes in protocol-0 STRING and UNICODE arguments', async () => {
    const p = b("\x80\x04S'o\\x73'\nV\\u0073ystem\n\x93N.");
    expect(await names(p)).toEqual(['os.system']);
  });

  it('reports STACK_GLOBAL on values that are not strings as tampering', async () => {
    const r = await walkPickleBuffer(b('\x80\x04K\x01K\x02\x93N.'));
    expect(r.tampering.map((t) => t.kind)).toEqual(['dynamic-global']);
  });

  it('reports BUILD on a module object and dunder attribute names', async () => {
    const r = await walkPickleBuffer(b('\x80\x04\x8c\x05torch\x8c\x06_utils\x93}\x8c\x09__class__K\x01sb0N.'));
    expect(r.tampering.map((t) => t.kind).sort()).toEqual(['build-on-global', 'dunder-attribute']);
  });

  it('does not flag BUILD on instances it created', async () => {
    const r = await walkPickleBuffer(b('\x80\x02ccollections\nOrderedDict\n)R}\x8c\x01aK\x01sb.'));
    expect(r.tampering).toEqual([]);
  });

  it('walks several pickles back to back and stops at trailing junk', async () => {
    const r = await walkPickleBuffer(Buffer.concat([b('\x80\x02N.'), shellPickle('id'), b('\x00\x01junk')]));
    expect(r.pickles).toBe(2);
    expect(r.globals.map((g) => g.pickle)).toEqual([1]);
    expect(r.trailing).toBe(6);
    expect(r.error).toBeUndefined();
  });

  it('keeps globals seen before a truncation (fail closed)', async () => {
    const full = shellPickle('touch x');
    const r = await walkPickleBuffer(full.subarray(0, full.length - 3));
    expect(r.globals.map((g) => g.name)).toEqual(['system']);
    expect(r.error?.truncated).toBe(true);
  });

  it('keeps globals seen before an invalid opcode', async () => {
    const r = await walkPickleBuffer(b('\x80\x02cos\nsystem\n\xff\xff'));
    expect(r.globals).toHaveLength(1);
    expect(r.error?.message).toMatch(/invalid opcode 0xff/);
  });

  it('follows pickles nested in base64, hex and raw byte arguments', async () => {
    const inner = shellPickle('id');
    const b64 = inner.toString('base64');
    const str = (s: string) => Buffer.concat([b('X'), Buffer.from(Uint32Array.of(s.length).buffer), b(s)]);
    for (const arg of [str(b64), str(inner.toString('hex'))]) {
      const r = await walkPickleBuffer(Buffer.concat([b('\x80\x04'), arg, b('.')]));
      expect(r.globals[0]?.nested).toMatch(/pickle in an argument/);
      expect(r.nestedPickles).toBe(1);
    }
    const raw = Buffer.concat([b('\x80\x04C'), Buffer.from([inner.length]), inner, b('.')]);
    expect(await names(raw)).toEqual(['posix.system']);
  });

  it('reports EXT opcodes (copyreg extension registry)', async () => {
    const r = await walkPickleBuffer(b('\x80\x02\x82\x07)R.'));
    expect(r.tampering[0].kind).toBe('extension-code');
  });

  it('recognises the legacy torch magic number and stops after the five header pickles', async () => {
    const magic = b('\x80\x02\x8a\x0al\xfc\x9cF\xf9 j\xa8P\x19.');
    const parts = [magic, b('\x80\x02M\xe9\x03.'), b('\x80\x02}q\x00.'), b('\x80\x02ccollections\nOrderedDict\nq\x00)Rq\x01.'), b('\x80\x02]q\x00.')];
    // raw storage bytes follow; they happen to start like a GLOBAL opcode
    const r = await walkPickleBuffer(Buffer.concat([...parts, b('cos\nsystem\n')]));
    expect(r.legacyTorch).toBe(true);
    expect(r.pickles).toBe(5);
    expect(r.globals.map((g) => g.name)).toEqual(['OrderedDict']);
  });

  it('does not read large binary arguments that cannot hold a pickle', async () => {
    const blob = Buffer.alloc(8 * 1024 * 1024, 0xab);
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(blob.length));
    const data = Buffer.concat([b('\x80\x04\x8e'), len, blob, b('0cos\nsystem\n0N.')]);
    let read = 0;
    const src = {
      size: data.length,
      async read(o: number, l: number) {
        const out = data.subarray(o, Math.min(data.length, o + l));
        read += out.length;
        return out;
      },
    };
    const r = await walkPickle(src);
    expect(r.globals.map((g) => g.name)).toEqual(['system']);
    expect(read).toBeLessThan(3 * 1024 * 1024);
  });

  it('records each distinct global once however often the stream repeats it', async () => {
    const many = Buffer.concat([b('\x80\x02'), Buffer.from('cos\nsystem\n0'.repeat(20_000), 'latin1'), b('N.')]);
    const r = await walkPickleBuffer(many);
    expect(r.globals).toHaveLength(1);
    expect(r.opcodes).toBe(40_003);
  });

  it('stops when the emulated stack outgrows the memory budget', async () => {
    const deep = Buffer.concat([b('\x80\x02'), Buffer.alloc(1_100_000, 'N'), b('.')]);
    const r = await walkPickleBuffer(deep);
    expect(r.budget).toMatch(/memory budget/);
  });

  it('stops at the step budget and says so', async () => {
    const many = Buffer.concat([b('\x80\x02'), Buffer.from('N0'.repeat(50_000), 'latin1'), b('N.')]);
    const r = await walkPickleBuffer(many, { maxOps: 1000 });
    expect(r.budget).toMatch(/step budget/);
  });

  it('rejects unsupported protocols and invalid names without recording them', async () => {
    expect((await walkPickleBuffer(b('\x80\x09N.'))).error?.message).toMatch(/protocol 9/);
    const r = await walkPickleBuffer(b('cos system\nx\n.'));
    expect(r.globals).toEqual([]);
    expect(r.error).toBeDefined();
  });
});

describe('classifyGlobal', () => {
  it('gives the same verdict from its memo, keyed so that module and name cannot be confused', () => {
    expect(classifyGlobal('os', 'system')).toBe(classifyGlobal('os', 'system'));
    // `collections.OrderedDict` is allowed; the same characters split elsewhere are not that global.
    expect(classifyGlobal('collections', 'OrderedDict').kind).toBe('allowed');
    expect(classifyGlobal('collections.OrderedDict', '').kind).not.toBe('allowed');
    expect(classifyGlobal('collections.Ordered', 'Dict').kind).toBe('unknown');
    // Past the memo's bound it starts again and still classifies.
    for (let i = 0; i < 5000; i++) expect(classifyGlobal(`pkg${i}`, 'f').kind).toBe('unknown');
    const v = classifyGlobal('posix', 'system');
    expect(v.kind === 'dangerous' && v.entry.category).toBe('code-execution');
  });

  it.each([
    ['posix', 'system', 'code-execution'],
    ['builtins', 'getattr', 'code-execution'],
    ['torch', 'load', 'code-execution'],
    ['torch.serialization', 'load', 'code-execution'],
    ['operator', 'attrgetter', 'code-execution'],
    ['numpy.testing._private.utils', 'runstring', 'code-execution'],
    ['torch._utils', '_rebuild_tensor.__globals__', 'code-execution'],
    ['builtins', 'open', 'system-access'],
    ['requests.api', 'get', 'system-access'],
    ['shutil', 'rmtree', 'system-access'],
    ['pathlib', 'PosixPath.write_text', 'system-access'],
    ['torch.fx.graph_module', 'reduce_graph_module', 'code-execution'],
  ])('%s.%s is %s', (m, n, cat) => {
    const v = classifyGlobal(m, n);
    expect(v.kind).toBe('dangerous');
    if (v.kind === 'dangerous') expect(v.entry.category).toBe(cat);
  });

  it.each([
    ['torch._utils', '_rebuild_tensor_v2'],
    ['torch.nn.modules.linear', 'Linear'],
    ['collections', 'OrderedDict'],
    ['numpy.core.multiarray', '_reconstruct'],
    ['sklearn.pipeline', 'Pipeline'],
    ['sklearn.linear_model._logistic', 'LogisticRegression'],
    ['torch.jit._pickle', 'build_intlist'],
    ['sklearn._loss._loss', '__pyx_unpickle_CyHalfBinomialLoss'],
    ['sklearn.ensemble._hist_gradient_boosting.binning', '_BinMapper'],
    ['sklearn.metrics._dist_metrics', 'newObj'],
    ['pathlib', 'PosixPath'],
    ['argparse', 'Namespace'],
    // seen in numpy's and joblib's own test data (Python 2 era pickles)
    ['builtins', 'xrange'],
    ['numpy.matrixlib.defmatrix', 'matrix'],
    ['joblib.numpy_pickle', 'NDArrayWrapper'],
  ])('%s.%s is allowed', (m, n) => {
    expect(classifyGlobal(m, n).kind).toBe('allowed');
  });

  it.each([
    ['__main__', 'MyModel'],
    ['sklearn.utils', 'some_function'],
    ['torch.nn.modules.module', '_forward_unimplemented'],
    ['functools', 'partial'],
  ])('%s.%s is unknown', (m, n) => {
    expect(classifyGlobal(m, n).kind).toBe('unknown');
  });
});

describe('joblib array layout', () => {
  const g = (module: string, name: string): PValue => ({ t: 'global', module, name });
  const str = (s: string): PValue => ({ t: 'str', s });
  const int = (v: number): PValue => ({ t: 'int', v: BigInt(v) });
  const dtype = (typestr: string, elsize = -1): PValue => ({
    t: 'obj',
    fn: g('numpy', 'dtype'),
    args: { t: 'tuple', items: [str(typestr), { t: 'bool', v: false }, { t: 'bool', v: true }] },
    state: { t: 'tuple', items: [int(3), str('<'), { t: 'none' }, { t: 'none' }, { t: 'none' }, int(elsize), int(-1), int(0)] },
  });
  const wrapper = (d: PValue, shape: number[], aligned: boolean): PValue => ({
    t: 'obj',
    fn: g('joblib.numpy_pickle', 'NumpyArrayWrapper'),
    args: { t: 'tuple', items: [] },
    state: {
      t: 'dict',
      entries: [
        [str('shape'), { t: 'tuple', items: shape.map(int) }],
        [str('dtype'), d],
        ...(aligned ? ([[str('numpy_array_alignment_bytes'), int(16)]] as [PValue, PValue][]) : []),
      ],
    },
  });

  it('sizes numeric, unicode and structured arrays, with and without alignment padding', () => {
    expect(dtypeInfo(dtype('f8')).itemsize).toBe(8);
    expect(dtypeInfo(dtype('U5', 20)).itemsize).toBe(20);
    expect(dtypeInfo(dtype('V12', 12)).itemsize).toBe(12);
    expect(joblibArrayLayout(wrapper(dtype('f4'), [3, 5], true))).toEqual({ hasObject: false, aligned: true, bytes: 60 });
    expect(joblibArrayLayout(wrapper(dtype('i8'), [7], false))).toEqual({ hasObject: false, aligned: false, bytes: 56 });
  });

  it('recognises object arrays (a nested pickle follows) and ignores other objects', () => {
    expect(joblibArrayLayout(wrapper(dtype('O8'), [2], true))?.hasObject).toBe(true);
    expect(joblibArrayLayout({ t: 'obj', fn: g('collections', 'OrderedDict'), args: { t: 'tuple', items: [] } })).toBeUndefined();
  });
});
