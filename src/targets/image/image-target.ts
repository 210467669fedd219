/**
 * A container image (docker save tar, OCI archive or OCI layout directory) as a scan target.
 *
 * Pass 1 (`index`) decompresses every layer once and reads only tar headers, to build the merged
 * filesystem view (layers in order, whiteouts applied, links recorded but never followed).
 * Pass 2 (`open`) streams only the layers that hold wanted files and yields in-memory ScanFiles
 * for those files. Nothing is written to disk.
 */
import { createHash } from 'node:crypto';
import type { FileInfo, ScanFile } from '../../core/analyzer.js';
import { bufferFile } from '../../core/buffer-file.js';
import { fileInfo } from '../../core/file-info.js';
import type { Note } from '../../core/model.js';
import type { Target, TargetOptions } from '../../core/target.js';
import { errMessage, globMatcher } from '../directory.js';
import { IMAGE_CONFIG_PATH, imageConfigDocument } from './image-config.js';
import { artifactEntries, layerEntries, readLayerHeaders, sniffCompression, UnsupportedLayerError, type Compression, type TarEntry } from './layer.js';
import { lazyFile, oversizeFile } from './lazy-file.js';
import { overBudgetNote, withTextNotes } from '../text-notes.js';
import { resolveImage, type ImagePlan } from './manifest.js';
import { mergeLayers, short, type LayerEntry, type LayerHeaders, type MergedFile } from './merge.js';
import { openBlob, PartialListError, readBlob, type BlobLocation, type ImageSource } from './source.js';

/** Largest metadata JSON (manifest, index, config) read into memory. */
const MAX_JSON = 16 * 1024 * 1024;
/** `get()` reads a not-yet-seen member on demand only up to this size (one layer pass each). */
export const GET_LIMIT = 1024 * 1024;
/** Yielded members up to GET_LIMIT are kept for `get()`, up to this many bytes and files in total. */
const CACHE_BYTES = 32 * 1024 * 1024;
const CACHE_FILES = 2048;
/** Bytes kept from the start of an over-budget member (enough for every magic-number check). */
const OVERSIZE_HEAD = 1024 * 1024;
/** Most tar entries merged into the filesystem view, over all layers (counts work, not time). */
export const MAX_INDEX_ENTRIES = 2_000_000;

export class ImageTarget implements Target {
  readonly type = 'image' as const;
  readonly notes: Note[] = [];
  private blobs = new Map<string, BlobLocation>();
  private plan?: ImagePlan;
  private layers: { loc?: BlobLocation; compression: Compression; digest: string; blob: string; artifactPath?: string }[] = [];
  private files = new Map<string, MergedFile>();
  private infos = new Map<string, FileInfo>();
  private configDoc?: string;
  private cache = new Map<string, ScanFile>();
  private cacheBytes = 0;
  private notedLayers = new Set<number>();

  constructor(
    readonly name: string,
    private readonly source: ImageSource,
    private readonly options: TargetOptions,
  ) {}

  async index(): Promise<FileInfo[]> {
    try {
      this.blobs = await this.source.list();
    } catch (err) {
      if (!(err instanceof PartialListError)) {
        this.notes.push({ level: 'error', path: this.name, message: `cannot read the image archive: ${errMessage(err)}`, source: 'target' });
        return [];
      }
      this.blobs = err.partial;
      this.notes.push({ level: 'warning', path: this.name, message: `image archive is truncated or corrupt (${err.message}); scanning what could be read`, source: 'target' });
    }
    try {
      this.plan = await resolveImage(this.blobs, (blob) => this.readJson(blob));
    } catch (err) {
      this.notes.push({ level: 'error', path: this.name, message: `cannot read the image: ${errMessage(err)}`, source: 'target' });
      return [];
    }
    this.notes.push(...this.plan.notes);

    const headers: LayerHeaders[] = [];
    // Each distinct layer blob is decompressed once, however often the manifest lists it (a 942 KB
    // archive listing one large layer 200 times took minutes), and merging stops at an entry budget.
    const read = new Map<string, { compression: Compression; entries: LayerEntry[]; error?: unknown }>();
    let entriesLeft = MAX_INDEX_ENTRIES;
    for (const [i, layer] of this.plan.layers.entries()) {
      const loc = this.blobs.get(layer.blob);
      const entry = { loc, compression: 'none' as Compression, digest: layer.digest, blob: layer.blob, artifactPath: layer.artifactPath };
      this.layers.push(entry);
      if (!loc) {
        this.noteLayer(i, 'is missing from the archive; its files are not scanned');
        headers.push({ digest: layer.digest, entries: [] });
        continue;
      }
      if (layer.artifactPath) {
        headers.push({ digest: layer.digest, entries: [{ name: layer.artifactPath, type: 'file', size: loc.size }] });
        continue;
      }
      const prev = this.plan.layers[i - 1];
      if (prev && prev.blob === layer.blob && !prev.artifactPath) {
        // Applying the same layer twice in a row changes nothing: skip the repeat, without merge work.
        this.noteLayer(i, 'repeats the layer below it; applied once');
        entry.compression = this.layers[i - 1].compression;
        headers.push({ digest: layer.digest, entries: [] });
        continue;
      }
      let got = read.get(layer.blob);
      if (!got) {
        const compression = sniffCompression(await readBlob(loc, 4));
        got = { compression, ...(await readLayerHeaders(openBlob(loc), compression, loc.size)) };
        read.set(layer.blob, got);
      }
      entry.compression = got.compression;
      const { entries, error } = got;
      if (entries.length > entriesLeft) {
        this.noteLayer(i, `not indexed: the image's layers list more than ${MAX_INDEX_ENTRIES} entries in total (indexing budget); its files are not scanned`);
        headers.push({ digest: layer.digest, entries: [] });
        continue;
      }
      entriesLeft -= entries.length;
      if (error instanceof UnsupportedLayerError) this.noteLayer(i, `cannot be read: ${error.message}`);
      else if (error) this.noteLayer(i, `is truncated or corrupt (${errMessage(error)}); ${entries.length} entries before the damage are scanned, the rest is missing`);
      headers.push({ digest: layer.digest, entries });
    }

    const merged = mergeLayers(headers);
    this.notes.push(...merged.notes);
    let inside = 0;
    for (const link of merged.symlinks.values()) {
      if (link.escapes) {
        this.notes.push({ level: 'warning', path: link.path, message: `symbolic link to "${link.target}" points outside the image root; not followed`, source: 'target' });
      } else inside++;
    }
    if (inside) this.notes.push({ level: 'info', message: `${inside} symbolic link(s) inside the image recorded and not followed (their targets are scanned under their own paths)`, source: 'target' });

    const [skipDir, skipFile] = await Promise.all([globMatcher(this.options.skipDirs), globMatcher(this.options.skipFiles)]);
    // Every ancestor directory is tested by name and by path, as the directory walk does;
    // decisions are memoised per directory (an image has few directories and many files).
    const dirSkipped = new Map<string, boolean>();
    const isDirSkipped = (dir: string): boolean => {
      let v = dirSkipped.get(dir);
      if (v === undefined) {
        const slash = dir.lastIndexOf('/');
        v = (slash > 0 && isDirSkipped(dir.slice(0, slash))) || skipDir(dir.slice(slash + 1)) || skipDir(dir);
        dirSkipped.set(dir, v);
      }
      return v;
    };
    const skipped = (p: string): boolean => {
      const slash = p.lastIndexOf('/');
      if (slash > 0 && isDirSkipped(p.slice(0, slash))) return true;
      return skipFile(p.slice(slash + 1)) || skipFile(p);
    };
    for (const f of merged.files.values()) {
      if (skipped(f.path)) continue;
      if (f.path === IMAGE_CONFIG_PATH) {
        this.notes.push({ level: 'warning', path: f.path, message: 'the image has a file at the path of the virtual image-config file; that file is not scanned', source: 'target' });
        continue;
      }
      this.files.set(f.path, f);
      this.infos.set(f.path, fileInfo(f.path, f.size, headers[f.layerIndex].digest));
      if (f.size > this.options.readBudget) this.notes.push(overBudgetNote(f.path, f.size, this.options.readBudget, '; in an image only its first 1 MiB and its SHA-256 are available'));
    }
    if (this.plan.config) {
      this.configDoc = imageConfigDocument(this.plan.config, this.plan.tags);
      this.infos.set(IMAGE_CONFIG_PATH, fileInfo(IMAGE_CONFIG_PATH, Buffer.byteLength(this.configDoc)));
    }
    return [...this.infos.values()];
  }

  async *open(files: FileInfo[]): AsyncIterable<ScanFile> {
    // layer index → entry index → merged paths served by that entry (hard links share one).
    const want = new Map<number, Map<number, string[]>>();
    for (const info of files) {
      if (info.path === IMAGE_CONFIG_PATH && this.configDoc !== undefined) {
        yield this.configFile();
        continue;
      }
      const cached = this.cache.get(info.path);
      if (cached) {
        yield cached;
        continue;
      }
      const f = this.files.get(info.path);
      if (!f) continue;
      const byEntry = want.get(f.source.layerIndex) ?? new Map<number, string[]>();
      want.set(f.source.layerIndex, byEntry);
      byEntry.set(f.source.entryIndex, [...(byEntry.get(f.source.entryIndex) ?? []), f.path]);
    }

    const budget = this.options.readBudget;
    for (const layerIndex of [...want.keys()].sort((a, b) => a - b)) {
      const byEntry = want.get(layerIndex)!;
      const layer = this.layers[layerIndex];
      if (!layer.loc) continue;
      let index = -1;
      try {
        for await (const entry of this.entriesOf(layer.loc, layerIndex)) {
          index++;
          const paths = byEntry.get(index);
          if (!paths) {
            entry.resume();
            continue;
          }
          byEntry.delete(index);
          const size = entry.header.size ?? 0;
          if (size <= budget) {
            const buf = await collect(entry, size);
            for (const p of paths) yield this.remember(withTextNotes(bufferFile(p, buf, { layer: this.infos.get(p)?.layer, readBudget: budget }), this.notes, budget));
          } else {
            const { head, digest } = await headAndHash(entry);
            for (const p of paths) yield oversizeFile(this.infos.get(p) ?? fileInfo(p, size), head, digest, budget);
          }
          if (byEntry.size === 0) break;
        }
      } catch (err) {
        this.noteLayer(layerIndex, `could not be read again (${errMessage(err)})`);
      }
      for (const paths of byEntry.values()) {
        for (const p of paths) this.notes.push({ level: 'warning', path: p, message: `not found when re-reading layer ${short(layer.digest)}; not scanned`, source: 'target' });
      }
    }
  }

  get(p: string): ScanFile | undefined {
    if (p === IMAGE_CONFIG_PATH && this.configDoc !== undefined) return this.configFile();
    const cached = this.cache.get(p);
    if (cached) return cached;
    const f = this.files.get(p);
    const info = this.infos.get(p);
    if (!f || !info || f.size > GET_LIMIT) return undefined;
    return withTextNotes(lazyFile(info, () => this.readMember(f), this.options.readBudget), this.notes, this.options.readBudget);
  }

  /** One member's bytes, by streaming its layer up to it. */
  private async readMember(f: MergedFile): Promise<Buffer> {
    const layer = this.layers[f.source.layerIndex];
    if (!layer.loc) throw new Error('layer missing from the archive');
    let index = -1;
    for await (const entry of this.entriesOf(layer.loc, f.source.layerIndex)) {
      if (++index === f.source.entryIndex) return collect(entry, entry.header.size ?? 0);
      entry.resume();
    }
    throw new Error(`not found in layer ${short(layer.digest)}`);
  }

  /** The entries of a layer: its tar entries, or the one file of an artifact layer. */
  private entriesOf(loc: BlobLocation, layerIndex: number): AsyncGenerator<TarEntry> {
    const layer = this.layers[layerIndex];
    if (layer.artifactPath) return artifactEntries(openBlob(loc), layer.artifactPath, loc.size);
    return layerEntries(openBlob(loc), layer.compression, loc.size);
  }

  private configFile(): ScanFile {
    return bufferFile(IMAGE_CONFIG_PATH, this.configDoc ?? '', { readBudget: this.options.readBudget });
  }

  private remember(file: ScanFile): ScanFile {
    if (file.size <= GET_LIMIT && this.cacheBytes + file.size <= CACHE_BYTES && this.cache.size < CACHE_FILES) {
      this.cache.set(file.path, file);
      this.cacheBytes += file.size;
    }
    return file;
  }

  private async readJson(blob: string): Promise<unknown> {
    const loc = this.blobs.get(blob);
    if (!loc) throw new Error(`${blob} is missing from the archive`);
    if (loc.size > MAX_JSON) throw new Error(`${blob} is ${loc.size} bytes, over the ${MAX_JSON}-byte limit for metadata`);
    return JSON.parse((await readBlob(loc)).toString('utf8'));
  }

  private noteLayer(i: number, what: string): void {
    if (this.notedLayers.has(i)) return;
    this.notedLayers.add(i);
    const layer = this.layers[i];
    this.notes.push({ level: 'warning', path: layer.blob, message: `layer ${i + 1} (${short(layer.digest)}) ${what}`, source: 'target' });
  }
}

/** Reads an entry whole into one buffer of its declared size (no chunk list, no second copy). */
async function collect(stream: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  for await (const c of stream) {
    if (n + c.length > size) throw new Error(`entry is longer than its declared size of ${size} bytes`);
    c.copy(buf, n);
    n += c.length;
  }
  return n === size ? buf : buf.subarray(0, n);
}

async function headAndHash(stream: AsyncIterable<Buffer>): Promise<{ head: Buffer; digest: string }> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let kept = 0;
  for await (const c of stream) {
    hash.update(c);
    if (kept < OVERSIZE_HEAD) {
      head.push(c.subarray(0, OVERSIZE_HEAD - kept));
      kept += Math.min(c.length, OVERSIZE_HEAD - kept);
    }
  }
  return { head: Buffer.concat(head), digest: hash.digest('hex') };
}
