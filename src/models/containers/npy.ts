/**
 * NumPy `.npy` header (format versions 1–3): magic, version, header length, then a Python dict
 * literal. Object arrays (`descr` with `O`) store their data as a pickle right after the header,
 * which `np.load(allow_pickle=True)` unpickles.
 */
import type { ByteSource } from '../io/byte-source.js';

export interface NpyHeader {
  major: number;
  descr: string;
  hasObject: boolean;
  dataOffset: number;
}

export async function readNpyHeader(src: ByteSource): Promise<NpyHeader | undefined> {
  const pre = await src.read(0, 12);
  if (pre.length < 10 || pre[0] !== 0x93 || pre.subarray(1, 6).toString('latin1') !== 'NUMPY') return undefined;
  const major = pre[6];
  const lenBytes = major === 1 ? 2 : 4;
  if (pre.length < 8 + lenBytes) return undefined;
  const hlen = lenBytes === 2 ? pre.readUInt16LE(8) : pre.readUInt32LE(8);
  if (hlen > 1 << 20) return undefined;
  const start = 8 + lenBytes;
  const header = (await src.read(start, hlen)).toString(major >= 3 ? 'utf8' : 'latin1');
  const m = /['"]descr['"]\s*:\s*(.+?)\s*,\s*['"](?:fortran_order|shape)['"]/s.exec(header);
  if (!m) return undefined;
  const descr = m[1];
  // Simple dtypes are a quoted string ('|O', '<f4'); structured ones a list of (name, type) tuples.
  const hasObject = /['"][|<>=]?O\d*['"]/.test(descr);
  return { major, descr, hasObject, dataOffset: start + hlen };
}
