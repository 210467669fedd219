/**
 * 7z archives hide their content from scanners that only know zip (the nullifAI models on the
 * Hugging Face Hub, 2025). They are always reported; when the archive is small enough its members
 * are extracted in memory with 7z-wasm (7-Zip compiled to WebAssembly, no native code, works
 * offline, in-memory file system only) and inspected like any other member.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SevenZipModule, SevenZipModuleFactory, SevenZipModuleOptions } from '7z-wasm';
import { bufferSource, type ByteSource } from '../io/byte-source.js';
import { label, visitMember, type Visit } from './inspect.js';
import type { Chain } from './types.js';
import { traversalReason } from './traversal.js';

/** Archives above this size are reported but not opened (the whole archive sits in wasm memory). */
const MAX_ARCHIVE = 256 * 1024 * 1024;
const MAX_MEMBERS = 10_000;

interface Listed {
  path: string;
  size: number;
  folder: boolean;
  encrypted: boolean;
}

/**
 * 7z-wasm, loaded on the first archive and kept for the process: the factory through `require` (the
 * package is a CommonJS UMD file, which an ESM `import()` would first run through Node's CommonJS
 * export lexer, 83 KB of it) and the WASM compiled once; each archive gets a fresh instance of it
 * (its own in-memory file system).
 */
let sevenZip: { factory: SevenZipModuleFactory; wasm: Promise<WasmModule> } | undefined;

/** The two WebAssembly calls used here (the project's TypeScript libs do not declare the API). */
type WasmModule = object;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };

function loadSevenZip(): NonNullable<typeof sevenZip> {
  if (!sevenZip) {
    const require = createRequire(import.meta.url);
    const factory = require('7z-wasm') as SevenZipModuleFactory;
    sevenZip = { factory, wasm: readFile(require.resolve('7z-wasm/7zz.wasm')).then((bytes) => wasmApi.compile(bytes)) };
  }
  return sevenZip;
}

/** A fresh 7-Zip instance on the compiled module; errors (package missing, bad WASM) reject. */
async function newSevenZip(print: (s: string) => void): Promise<SevenZipModule> {
  const { factory, wasm } = loadSevenZip();
  const module = await wasm;
  // Emscripten's hook: instantiate synchronously so that an error rejects the factory's promise
  // (its asynchronous callback form has no way to report one).
  const instantiateWasm = (imports: object, done: (instance: object, module: WasmModule) => void) => {
    const instance = new wasmApi.Instance(module, imports);
    done(instance, module);
    return instance.exports;
  };
  return factory({ print, printErr: print, instantiateWasm } as Partial<SevenZipModuleOptions>);
}

export async function inspect7z(v: Visit, src: ByteSource, chain: Chain, depth: number): Promise<void> {
  const hidden = { chain, kind: '7z' as const, message: '7z archive: most model scanners cannot read it, so a payload inside goes unseen', inspected: false };
  v.ins.hidden.push(hidden);
  if (src.size > MAX_ARCHIVE) {
    v.ins.notes.push({ level: 'warning', message: `7z archive larger than ${MAX_ARCHIVE} bytes not opened${label(chain)}` });
    return;
  }
  let sz: SevenZipModule;
  const out: string[] = [];
  try {
    sz = await newSevenZip((s: string) => out.push(s));
  } catch (e) {
    v.ins.notes.push({ level: 'warning', message: `7z support (7z-wasm) unavailable: ${(e as Error).message}` });
    return;
  }
  try {
    const data = await src.read(0, src.size);
    const fd = sz.FS.open('/in.7z', 'w+');
    sz.FS.write(fd, data, 0, data.length);
    sz.FS.close(fd);
    // -p- gives an empty password so encrypted archives fail instead of prompting on stdin.
    sz.callMain(['l', '-slt', '-p-', '/in.7z']);
    const listed = parseListing(out);
    let total = 0;
    for (const m of listed) {
      const why = traversalReason(m.path);
      if (why) v.ins.traversal.push({ chain, name: m.path, why });
      if (m.encrypted) v.ins.hidden.push({ chain: [...chain, m.path], kind: 'encrypted', message: 'encrypted 7z member: its content cannot be inspected', inspected: false });
      total += m.size;
    }
    if (listed.length > MAX_MEMBERS || total > v.opts.memberCap) {
      v.ins.notes.push({ level: 'warning', message: `7z archive unpacks to ${total} bytes in ${listed.length} members, over the budget; members not inspected${label(chain)}` });
      return;
    }
    sz.FS.mkdir('/out');
    out.length = 0;
    sz.callMain(['x', '-p-', '-y', '-o/out', '/in.7z']);
    hidden.inspected = true;
    for (const m of listed) {
      if (m.folder || m.encrypted || traversalReason(m.path)) continue;
      let bytes: Uint8Array;
      try {
        bytes = sz.FS.readFile(`/out/${m.path}`);
      } catch {
        continue;
      }
      await visitMember(v, bufferSource(Buffer.from(bytes)), m.path, [...chain, m.path], depth);
    }
  } catch (e) {
    v.ins.notes.push({ level: 'warning', message: `7z archive could not be read${label(chain)}: ${(e as Error).message}` });
  }
}

/** Parses `7z l -slt`: blocks of `Key = Value` lines after the `----------` separator. */
function parseListing(lines: string[]): Listed[] {
  const start = lines.findIndex((l) => l.startsWith('----------'));
  if (start < 0) return [];
  const out: Listed[] = [];
  let cur: Record<string, string> = {};
  const flush = () => {
    if (cur.Path !== undefined) {
      out.push({ path: cur.Path, size: Number(cur.Size ?? 0) || 0, folder: cur.Folder === '+' || (cur.Attributes ?? '').startsWith('D'), encrypted: cur.Encrypted === '+' });
    }
    cur = {};
  };
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const i = line.indexOf(' = ');
    if (i > 0) cur[line.slice(0, i)] = line.slice(i + 3);
  }
  flush();
  return out;
}
