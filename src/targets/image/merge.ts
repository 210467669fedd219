/**
 * Applies image layers in order to build the merged filesystem view, as a container runtime's
 * overlay would, without extracting anything: pure data in, pure data out.
 *
 * OCI image-spec "Whiteouts": `.wh.<name>` deletes `<name>` (and everything below it) from the
 * LOWER layers; `.wh..wh..opq` in a directory hides every lower-layer child of that directory.
 * Whiteouts never hide entries of their own layer, whatever their order inside the tar, so each
 * layer is applied in two steps: its whiteouts first, then its entries.
 */
import type { Note } from '../../core/model.js';

export type LayerEntryType = 'file' | 'link' | 'symlink' | 'directory' | 'other';

/** One tar header of a layer (content is not read in pass 1). */
export interface LayerEntry {
  /** Name as written in the tar (may start with `./` or `/`). */
  name: string;
  type: LayerEntryType;
  size: number;
  linkname?: string;
}

export interface LayerHeaders {
  /** Digest shown to users (`sha256:…`, the diff_id when known). */
  digest: string;
  entries: LayerEntry[];
}

/** A regular file of the merged view and where its bytes live. */
export interface MergedFile {
  path: string;
  size: number;
  /** Index of the layer that provides the file (for a hard link: the layer of the link). */
  layerIndex: number;
  /** Where the bytes are: layer index and the position of the entry in that layer's tar. */
  source: { layerIndex: number; entryIndex: number };
}

export interface MergedSymlink {
  path: string;
  target: string;
  layerIndex: number;
  /** True when the target climbs above the image root with `..` (never followed anyway). */
  escapes: boolean;
}

export interface MergeResult {
  files: Map<string, MergedFile>;
  symlinks: Map<string, MergedSymlink>;
  notes: Note[];
}

type Node =
  | { kind: 'dir' }
  | { kind: 'file'; file: MergedFile }
  | { kind: 'symlink'; link: MergedSymlink }
  | { kind: 'other' };

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * Normalises a tar entry name to a root-relative path (`etc/passwd`) the way container runtimes
 * extract layers (containerd and moby join the name onto the root, like `path.posix.normalize` of
 * `/` + name): a `..` at the root stays at the root, so `../../x` lands at `x` and is scanned there —
 * a hostile layer must not hide a file from the scan that the runtime would still create.
 */
export function normalizeEntryPath(name: string): string {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** True when a tar entry name climbs above the root at some point (`../x`, `a/../../x`). */
export function climbsAboveRoot(name: string): boolean {
  let depth = 0;
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    depth += part === '..' ? -1 : 1;
    if (depth < 0) return true;
  }
  return false;
}

/** Resolves a symlink target against the link's directory; reports whether `..` leaves the root. */
function symlinkEscapes(linkPath: string, target: string): boolean {
  if (target.startsWith('/')) return false; // absolute targets resolve inside the image root
  const parts = linkPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return true;
      parts.pop();
    } else parts.push(part);
  }
  return false;
}

/** Longest entry path accepted (Linux PATH_MAX); longer names are hostile and would make merging quadratic. */
const MAX_PATH = 4096;

/**
 * The merged tree: nodes by path plus each directory's children, so that deleting a subtree
 * costs its size, not a scan of the whole image (an image with many whiteouts stays linear).
 */
class Tree {
  private readonly nodes = new Map<string, Node>();
  private readonly kids = new Map<string, Set<string>>();

  get(p: string): Node | undefined {
    return this.nodes.get(p);
  }

  set(p: string, n: Node): void {
    this.nodes.set(p, n);
    const parent = parentOf(p);
    let s = this.kids.get(parent);
    if (!s) this.kids.set(parent, (s = new Set()));
    s.add(p);
  }

  /** Removes `p` and everything below it. */
  delete(p: string): void {
    this.clearChildren(p);
    if (this.nodes.delete(p)) this.kids.get(parentOf(p))?.delete(p);
  }

  /** Removes everything below `p` (iteratively: paths can be deep). */
  clearChildren(p: string): void {
    const stack = [p];
    while (stack.length) {
      const dir = stack.pop()!;
      const s = this.kids.get(dir);
      if (!s) continue;
      this.kids.delete(dir);
      for (const c of s) {
        this.nodes.delete(c);
        stack.push(c);
      }
    }
  }

  entries(): IterableIterator<[string, Node]> {
    return this.nodes.entries();
  }
}

function parentOf(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash < 0 ? '' : p.slice(0, slash);
}

export function mergeLayers(layers: LayerHeaders[]): MergeResult {
  const nodes = new Tree();
  const notes: Note[] = [];

  const removeTree = (p: string, keepSelf = false) => {
    if (keepSelf) nodes.clearChildren(p);
    else nodes.delete(p);
  };
  // A new entry at `a/b/c` turns any lower non-directory `a` or `a/b` into a directory.
  const ensureParents = (p: string) => {
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) {
      const dir = p.slice(0, i);
      const n = nodes.get(dir);
      if (n?.kind === 'dir') continue;
      if (n) nodes.delete(dir);
      nodes.set(dir, { kind: 'dir' });
    }
  };

  layers.forEach((layer, layerIndex) => {
    const entries: { path: string; e: LayerEntry; entryIndex: number }[] = [];
    const noted = new Set<string>();
    // Step 1: whiteouts of this layer hide lower-layer content.
    layer.entries.forEach((e, entryIndex) => {
      const p = normalizeEntryPath(e.name);
      if (p.length > MAX_PATH) {
        if (!noted.has(e.name)) {
          notes.push({ level: 'warning', path: e.name.slice(0, 200), message: `layer ${short(layer.digest)}: entry name is longer than ${MAX_PATH} characters; ignored`, source: 'target' });
          noted.add(e.name);
        }
        return;
      }
      if (climbsAboveRoot(e.name) && !noted.has(e.name)) {
        notes.push({ level: 'warning', path: e.name.slice(0, 200), message: `layer ${short(layer.digest)}: entry name climbs above the image root; scanned at /${p}, where container runtimes extract it`, source: 'target' });
        noted.add(e.name);
      }
      if (p === '') return;
      const slash = p.lastIndexOf('/');
      const dir = slash < 0 ? '' : p.slice(0, slash);
      const base = p.slice(slash + 1);
      if (base === OPAQUE) removeTree(dir, true);
      else if (base.startsWith(WHITEOUT)) {
        const victim = (dir ? `${dir}/` : '') + base.slice(WHITEOUT.length);
        removeTree(victim);
      } else entries.push({ path: p, e, entryIndex });
    });
    // Step 2: this layer's own entries, in tar order (a later duplicate wins).
    for (const { path: p, e, entryIndex } of entries) {
      const existing = nodes.get(p);
      if (e.type === 'directory') {
        if (existing?.kind === 'dir') continue;
        if (existing) nodes.delete(p);
        ensureParents(p);
        nodes.set(p, { kind: 'dir' });
        continue;
      }
      if (existing) removeTree(p);
      ensureParents(p);
      if (e.type === 'file') {
        nodes.set(p, { kind: 'file', file: { path: p, size: e.size, layerIndex, source: { layerIndex, entryIndex } } });
      } else if (e.type === 'link') {
        const targetPath = normalizeEntryPath(e.linkname ?? '');
        const target = targetPath ? nodes.get(targetPath) : undefined;
        if (target?.kind === 'file') {
          nodes.set(p, { kind: 'file', file: { path: p, size: target.file.size, layerIndex, source: target.file.source } });
        } else {
          notes.push({ level: 'info', path: p, message: `hard link to "${e.linkname ?? ''}", which is not a regular file of the image; skipped`, source: 'target' });
        }
      } else if (e.type === 'symlink') {
        const target = e.linkname ?? '';
        nodes.set(p, { kind: 'symlink', link: { path: p, target, layerIndex, escapes: symlinkEscapes(p, target) } });
      } else {
        nodes.set(p, { kind: 'other' });
      }
    }
  });

  const files = new Map<string, MergedFile>();
  const symlinks = new Map<string, MergedSymlink>();
  for (const [p, n] of [...nodes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (n.kind === 'file') files.set(p, n.file);
    else if (n.kind === 'symlink') symlinks.set(p, n.link);
  }
  return { files, symlinks, notes };
}

export function short(digest: string): string {
  const hex = digest.replace(/^sha256:/, '');
  return /^[0-9a-f]{64}$/.test(hex) ? `sha256:${hex.slice(0, 12)}` : digest;
}
