/**
 * A flat copy of a tree-sitter tree's named nodes, read in one TreeCursor walk: per node its type id,
 * its UTF-16 start and end, its first named child, its next named sibling and (under the nodes that
 * need it) its field id, in pre-order in reused typed arrays; the conversion then works on plain
 * integers. Anonymous nodes (punctuation, keywords) are stepped over, as `namedChildren` leaves them
 * out.
 *
 * Two cursors do the walk. web-tree-sitter's `TreeCursor` copies its four words of state into WASM
 * memory and back around every call (eight `setValue`/`getValue` calls), which made a cursor walk
 * slower than the Node API it replaced. The runtime's own exports (`_ts_tree_cursor_*_wasm`) keep the
 * cursor in the runtime's transfer buffer between calls, so calling them in sequence without anything
 * else in between needs no copying at all: that is the fast cursor (on the 2,000-file bench tree, the
 * conversion with it costs about half of what the Node API reading did, and a third of `TreeCursor`'s;
 * the tree-sitter parse itself is unchanged and now most of the time). It is used only when every export it needs is present and a walk of a sample tree with it equals
 * the walk with `TreeCursor` (checked once per process, `checkFastCursor`); otherwise the portable one is.
 */
import type * as TS from '@vscode/tree-sitter-wasm';

export interface FlatTree {
  /** Nodes read (index 0 is the root). */
  size: number;
  /** True when the walk stopped at `limit` nodes: later nodes are missing. */
  truncated: boolean;
  type: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  /** First named child, or -1. */
  first: Int32Array;
  /** Next named sibling, or -1. */
  next: Int32Array;
  /** Field id of the node in its parent, read only for children of `fieldParents` types (else 0). */
  field: Uint16Array;
}

/** What the walk needs to know about the grammar, computed once per language. */
export interface FlatGrammar {
  /** Type name by id (`ERROR` for the error symbol and unknown ids), like `TreeCursor.nodeType`. */
  names: string[];
  /** 1 when nodes of that type id are named. */
  named: Uint8Array;
  /** 1 for type ids whose children's field ids are recorded. */
  fieldParents: Uint8Array;
  /** 1 for type ids that never have named children (tokens): the walk does not look inside them. */
  leaf: Uint8Array;
}

const ERROR_ID = 0xffff;

export function flatGrammar(language: TS.Language, opts: { fieldParents: string[]; leaves: string[] }): FlatGrammar {
  const names: string[] = [];
  const named = new Uint8Array(ERROR_ID + 1);
  const fieldParents = new Uint8Array(ERROR_ID + 1);
  const leaf = new Uint8Array(ERROR_ID + 1);
  for (let id = 0; id < language.nodeTypeCount; id++) {
    names[id] = language.types[id] || 'ERROR';
    named[id] = language.nodeTypeIsNamed(id) ? 1 : 0;
    if (opts.fieldParents.includes(names[id])) fieldParents[id] = 1;
    if (opts.leaves.includes(names[id])) leaf[id] = 1;
  }
  named[ERROR_ID] = 1;
  return { names, named, fieldParents, leaf };
}

export function typeName(g: FlatGrammar, id: number): string {
  return g.names[id] ?? 'ERROR';
}

let shared: FlatTree | undefined;
/** Arrays above this many nodes are not kept for the next file. */
const KEEP = 1 << 18;

function alloc(capacity: number): FlatTree {
  return {
    size: 0,
    truncated: false,
    type: new Uint16Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    first: new Int32Array(capacity),
    next: new Int32Array(capacity),
    field: new Uint16Array(capacity),
  };
}

function grow(t: FlatTree, capacity: number): FlatTree {
  const g = alloc(capacity);
  g.size = t.size;
  g.truncated = t.truncated;
  g.type.set(t.type);
  g.start.set(t.start);
  g.end.set(t.end);
  g.first.set(t.first);
  g.next.set(t.next);
  g.field.set(t.field);
  return g;
}

/** The cursor operations the walk uses; each reads the cursor's current node or moves it (1 = moved). */
interface CursorOps {
  typeId(tree: number): number;
  start(tree: number): number;
  end(tree: number): number;
  fieldId(tree: number): number;
  firstChild(tree: number): number;
  nextSibling(tree: number): number;
  parent(tree: number): number;
}

/** The runtime exports behind the fast cursor, by the name the runtime gives them. */
const EXPORTS = {
  rootNode: '_ts_tree_root_node_wasm',
  cursorNew: '_ts_tree_cursor_new_wasm',
  cursorDelete: '_ts_tree_cursor_delete_wasm',
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  start: '_ts_tree_cursor_start_index_wasm',
  end: '_ts_tree_cursor_end_index_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  firstChild: '_ts_tree_cursor_goto_first_child_wasm',
  nextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
} as const;
type FastCursor = CursorOps & { rootNode(tree: number): void; cursorNew(tree: number): void; cursorDelete(tree: number): void };

let fast: FastCursor | undefined;

function fastCursorOf(module: Readonly<Record<string, unknown>>): FastCursor | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, name] of Object.entries(EXPORTS)) {
    const f = module[name];
    if (typeof f !== 'function') return undefined;
    out[k] = f;
  }
  return out as unknown as FastCursor;
}

/** The address of a tree in WASM memory (web-tree-sitter keeps it in slot 0). */
function treeAddress(tree: TS.Tree): number | undefined {
  const a = (tree as unknown as Record<number, unknown>)[0];
  return typeof a === 'number' && a > 0 ? a : undefined;
}

/**
 * Enables the fast cursor if the runtime `module` has its exports and it reads `sample` (a parsed
 * tree) exactly as the portable cursor does. Returns whether it is enabled.
 */
export function checkFastCursor(module: Readonly<Record<string, unknown>>, sample: TS.Tree, g: FlatGrammar): boolean {
  fast = undefined;
  const candidate = fastCursorOf(module);
  if (!candidate || treeAddress(sample) === undefined) return false;
  const portable = snapshot(flattenWith(sample, g, 1 << 20, undefined));
  // Twice: Emscripten's exports start as wrappers that look the function up on first call and then
  // replace themselves on the module with the WASM function, which the second read picks up.
  for (let round = 0; round < 2; round++) {
    const quick = round === 0 ? candidate : fastCursorOf(module);
    try {
      if (!quick || snapshot(flattenWith(sample, g, 1 << 20, quick)) !== portable) return fast !== undefined;
    } catch {
      return fast !== undefined;
    }
    fast = quick;
  }
  return true;
}

/** Whether walks use the fast cursor (after `checkFastCursor`). */
export function usesFastCursor(): boolean {
  return fast !== undefined;
}

function snapshot(t: FlatTree): string {
  const n = t.size;
  return JSON.stringify([n, t.truncated, ...[t.type, t.start, t.end, t.first, t.next, t.field].map((a) => Array.from(a.subarray(0, n)))]);
}

/**
 * Reads the named nodes of `tree` (at most `limit`). The result is valid until the next call: its
 * arrays are reused from file to file. `portable` forces web-tree-sitter's `TreeCursor` (tests).
 */
export function flatten(tree: TS.Tree, g: FlatGrammar, limit: number, portable = false): FlatTree {
  return flattenWith(tree, g, limit, portable ? undefined : fast);
}

function flattenWith(tree: TS.Tree, g: FlatGrammar, limit: number, quick: FastCursor | undefined): FlatTree {
  const address = quick ? treeAddress(tree) : undefined;
  if (quick && address !== undefined) {
    quick.rootNode(address);
    quick.cursorNew(address);
    try {
      return walk(quick, address, g, limit);
    } finally {
      quick.cursorDelete(address);
    }
  }
  const cursor = tree.walk();
  try {
    return walk(portableOps(cursor), 0, g, limit);
  } finally {
    cursor.delete();
  }
}

function portableOps(c: TS.TreeCursor): CursorOps {
  return {
    typeId: () => c.nodeTypeId,
    start: () => c.startIndex,
    end: () => c.endIndex,
    fieldId: () => c.currentFieldId,
    firstChild: () => (c.gotoFirstChild() ? 1 : 0),
    nextSibling: () => (c.gotoNextSibling() ? 1 : 0),
    parent: () => (c.gotoParent() ? 1 : 0),
  };
}

/** The walk proper: nothing but cursor calls may run inside it (the fast cursor lives in shared memory). */
function walk(ops: CursorOps, tree: number, g: FlatGrammar, limit: number): FlatTree {
  let t = shared ?? alloc(4096);
  t.size = 0;
  t.truncated = false;
  const add = (typeId: number, field: number): number => {
    if (t.size === t.type.length) t = grow(t, t.size * 2);
    const i = t.size++;
    t.type[i] = typeId;
    t.start[i] = ops.start(tree);
    t.end[i] = ops.end(tree);
    t.first[i] = -1;
    t.next[i] = -1;
    t.field[i] = field;
    return i;
  };
  add(ops.typeId(tree), 0);
  // Per open node: its index and its last named child so far.
  const parents: number[] = [0];
  const last: number[] = [-1];
  if (ops.firstChild(tree)) {
    for (;;) {
      const id = ops.typeId(tree);
      if (g.named[id]) {
        if (t.size >= limit) {
          t.truncated = true;
          break;
        }
        const top = parents.length - 1;
        const parent = parents[top];
        const i = add(id, g.fieldParents[t.type[parent]] ? ops.fieldId(tree) : 0);
        if (last[top] < 0) t.first[parent] = i;
        else t.next[last[top]] = i;
        last[top] = i;
        if (!g.leaf[id] && ops.firstChild(tree)) {
          parents.push(i);
          last.push(-1);
          continue;
        }
      }
      let done = false;
      while (!ops.nextSibling(tree)) {
        parents.pop();
        last.pop();
        if (parents.length === 0 || !ops.parent(tree)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  }
  if (t.type.length <= KEEP) shared = t;
  return t;
}
