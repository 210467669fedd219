/**
 * Tar containers (legacy `torch.save(_use_new_zipfile_serialization=False)` tar checkpoints and
 * tarballs of models), read with tar-stream. Members are identified by magic; only candidates are
 * buffered (up to the member cap), everything else is streamed past.
 */
import { Readable } from 'node:stream';
import type { ByteSource } from '../io/byte-source.js';
import { bufferSource } from '../io/byte-source.js';
import { identifyModelFormat } from '../identify.js';
import { fileInfo } from '../../core/file-info.js';
import { HEAD_BYTES, label, visitMember, visitPickle, type Visit } from './inspect.js';
import type { Chain } from './types.js';
import { traversalReason } from './traversal.js';

/** Legacy torch tar members that hold pickles without a pickle extension. */
const LEGACY_TORCH_PICKLES = new Set(['pickle', 'sys_info', 'storages', 'tensors']);

function sourceStream(src: ByteSource): Readable {
  async function* chunks() {
    const step = 1 << 20;
    for (let off = 0; off < src.size; off += step) yield await src.read(off, step);
  }
  return Readable.from(chunks());
}

export async function inspectTar(v: Visit, src: ByteSource, chain: Chain, depth: number): Promise<void> {
  // Loaded on the first tar: most model scans meet none.
  const { default: tar } = await import('tar-stream');
  const extract = tar.extract();
  const input = sourceStream(src);
  input.on('error', (e) => extract.destroy(e));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const memberChain = [...chain, h.name];
      const why = traversalReason(h.name);
      if (why) v.ins.traversal.push({ chain, name: h.name, why });
      if ((h.type === 'symlink' || h.type === 'link') && h.linkname) {
        const lwhy = traversalReason(h.linkname);
        if (lwhy) v.ins.traversal.push({ chain, name: `${h.name} -> ${h.linkname}`, why: `is a link whose target ${lwhy}` });
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      let decided: boolean | undefined;
      let over = false;
      for await (const c of entry as AsyncIterable<Buffer>) {
        if (Date.now() > v.opts.deadline || v.opts.signal?.aborted) throw new Error('time budget exhausted');
        if (decided === false || over) continue; // drain
        chunks.push(c);
        total += c.length;
        if (decided === undefined && total >= HEAD_BYTES) decided = isCandidate(h.name, Buffer.concat(chunks), h.size ?? 0);
        if (total > v.opts.memberCap) over = true;
      }
      if (decided === undefined) decided = isCandidate(h.name, Buffer.concat(chunks), h.size ?? 0);
      if (!decided) continue;
      if (over) {
        v.ins.notes.push({ level: 'warning', message: `member${label(memberChain)} is larger than ${v.opts.memberCap} bytes; only its start was inspected` });
      }
      const data = bufferSource(Buffer.concat(chunks).subarray(0, v.opts.memberCap));
      const base = h.name.split('/').pop() ?? h.name;
      if (LEGACY_TORCH_PICKLES.has(base) && identifyModelFormat(fileInfo(h.name, data.size), await data.read(0, HEAD_BYTES)) === undefined) {
        await visitPickle(v, data, memberChain, 'legacy torch tar');
      } else {
        await visitMember(v, data, h.name, memberChain, depth);
      }
    }
  } catch (e) {
    v.ins.notes.push({ level: 'warning', message: `tar archive could not be read completely${label(chain)}: ${(e as Error).message}` });
  }
}

function isCandidate(name: string, head: Buffer, size: number): boolean {
  const base = name.split('/').pop() ?? name;
  return LEGACY_TORCH_PICKLES.has(base) || identifyModelFormat(fileInfo(name, size), head) !== undefined;
}
