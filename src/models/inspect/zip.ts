/**
 * Zip containers: PyTorch checkpoints (torch.save >= 1.6), TorchScript archives, .npz, .keras and
 * plain zip archives of models. Members are identified by magic (a pickle named data.txt is still a
 * pickle, CVE-2025-1889); torch weight blobs are skipped without reading them.
 */
import { identifyModelFormat } from '../identify.js';
import { fileInfo } from '../../core/file-info.js';
import type { ByteSource } from '../io/byte-source.js';
import { checkCrc, entryContent, entryHead, listZip, type ZipEntry } from '../containers/zip-reader.js';
import { HEAD_BYTES, label, visitMember, visitPickle, type Visit } from './inspect.js';
import type { Chain } from './types.js';
import { traversalReason } from './traversal.js';

/** Members a torch zip stores tensors in: `<prefix>/data/<key>` and the `.data/` bookkeeping files. */
const TORCH_BLOB = /(^|\/)(data\/\d+|\.data\/.*|version|byteorder|\.format_version|\.storage_alignment)$/;
const TORCHSCRIPT_MEMBER = /(^|\/)(code\/.+\.py|constants\.pkl|\.data\/ts_code\/.+)$/;
const PICKLE_NAME = /\.(pkl|pickle)$/i;

export async function inspectZip(v: Visit, src: ByteSource, chain: Chain, depth: number): Promise<void> {
  const listing = await listZip(src);
  for (const a of listing.anomalies) {
    // zip64 is how any archive over 4 GiB is written: worth a note, not a finding. Encryption is
    // judged per member below, once it is known whether the content is really encrypted.
    if (a.kind === 'zip64') {
      v.ins.notes.push({ level: 'info', message: `${a.message}${label(chain)}` });
      continue;
    }
    if (a.kind === 'encrypted') continue;
    v.ins.anomalies.push({ chain: a.member ? [...chain, a.member] : chain, kind: `zip-${a.kind}`, message: a.message });
  }
  const names = listing.entries.map((e) => e.name);
  const isTorch = names.some((n) => /(^|\/)data\.pkl$/.test(n));
  const tsEvidence = names.filter((n) => TORCHSCRIPT_MEMBER.test(n));
  if (isTorch && tsEvidence.length > 0) v.ins.torchscript.push({ chain, evidence: tsEvidence.slice(0, 5) });

  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  for (const [n, c] of counts) {
    if (c > 1) v.ins.anomalies.push({ chain: [...chain, n], kind: 'zip-duplicate-name', message: `${c} members share the name ${JSON.stringify(n)}; readers disagree on which one they load (all are scanned)` });
  }

  const seen = new Set<number>();
  for (const e of listing.entries) {
    if (Date.now() > v.opts.deadline || v.opts.signal?.aborted) {
      v.ins.notes.push({ level: 'warning', message: `time budget exhausted while reading zip members${label(chain)}` });
      return;
    }
    for (const n of e.localName ? [e.name, e.localName] : [e.name]) {
      const why = traversalReason(n);
      if (why) v.ins.traversal.push({ chain, name: n, why });
    }
    if (e.unixMode !== undefined && (e.unixMode & 0o170000) === 0o120000) {
      await checkSymlink(v, src, e, chain);
      continue;
    }
    if (e.name.endsWith('/') || seen.has(e.dataOffset)) continue;
    seen.add(e.dataOffset);
    if (isTorch && TORCH_BLOB.test(e.name)) continue;
    await inspectEntry(v, src, e, [...chain, e.name], depth);
  }
}

async function inspectEntry(v: Visit, src: ByteSource, e: ZipEntry, chain: Chain, depth: number): Promise<void> {
  if (e.method !== 0 && e.method !== 8) {
    v.ins.hidden.push({ chain, kind: 'unsupported-compression', message: `member uses compression method ${e.method} and could not be read`, inspected: false });
    return;
  }
  const head = await entryHead(src, e, HEAD_BYTES);
  let fmt = identifyModelFormat(fileInfo(e.name, e.size), head);
  // Weak protocol-0 pickles are recognised by extension only; inside archives accept the pickle names torch uses.
  if (!fmt && PICKLE_NAME.test(e.name) && head.length > 0) fmt = 'pickle';
  if (!fmt) {
    if (e.flags & 0x1) {
      v.ins.hidden.push({ chain, kind: 'encrypted', message: 'encrypted member: its content cannot be inspected', inspected: false });
    }
    return;
  }
  if (e.flags & 0x1) {
    v.ins.anomalies.push({ chain, kind: 'zip-encrypted-flag', message: 'member is marked encrypted but its content is plain; readers that ignore the flag (PyTorch) load it while strict ones skip it (CVE-2025-1945 pattern)' });
  }
  const content = await entryContent(src, e, v.opts.memberCap);
  if (content.error) {
    v.ins.notes.push({ level: 'warning', message: `member${label(chain)}: ${content.error}` });
    v.ins.anomalies.push({ chain, kind: 'zip-bomb', message: content.error });
  }
  if (content.complete && !(await checkCrc(content.source, e))) {
    v.ins.anomalies.push({ chain, kind: 'zip-crc', message: 'CRC-32 of the member does not match the central directory' });
  }
  if (fmt === 'pickle') {
    await visitPickle(v, content.source, chain, /(^|\/)data\.pkl$/.test(e.name) ? 'PyTorch checkpoint' : 'pickle in zip');
    return;
  }
  await visitMember(v, content.source, e.name, chain, depth);
}

/** A symlink member: its content is the link target, which `unzip` creates as a real link. */
async function checkSymlink(v: Visit, src: ByteSource, e: ZipEntry, chain: Chain): Promise<void> {
  const content = await entryContent(src, e, 4096);
  const target = (await content.source.read(0, 4096)).toString('utf8');
  const why = traversalReason(target);
  if (why) v.ins.traversal.push({ chain, name: `${e.name} -> ${target}`, why: `is a symbolic link whose target ${why}` });
}
