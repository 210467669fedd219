/**
 * Reads the op names of a TensorFlow SavedModel (`saved_model.pb`) and the Keras layer metadata of
 * `keras_metadata.pb`, over the protobuf wire format (see ../protobuf/wire.ts for why no schema
 * library). Field numbers from tensorflow/core/protobuf/saved_model.proto, meta_graph.proto,
 * framework/graph.proto, function.proto and node_def.proto.
 */
import type { WindowReader } from '../io/window-reader.js';
import { fields, readString, WIRE_LEN, type PbField } from '../protobuf/wire.js';

export interface SavedModelOp {
  op: string;
  /** Node name, prefixed with the function name when the node is inside a function body. */
  node: string;
  /** For PyFunc-style ops: the `token` attribute naming the registered Python callable. */
  token?: string;
}

export interface SavedModelDoc {
  ops: SavedModelOp[];
  metaGraphs: number;
  /** Keras layer metadata kept in the object graph (SavedUserObject.metadata) by TF 2.x Keras. */
  userObjects: { index: number; identifier: string; metadata: unknown }[];
}

const MAX_OPS = 200_000;

export async function parseSavedModel(r: WindowReader, shouldStop: () => boolean = () => false): Promise<SavedModelDoc> {
  const doc: SavedModelDoc = { ops: [], metaGraphs: 0, userObjects: [] };
  for await (const f of fields(r, 0, r.size)) {
    if (f.field !== 2 || f.wire !== WIRE_LEN) continue; // SavedModel.meta_graphs
    doc.metaGraphs++;
    for await (const m of fields(r, f.start, f.end)) {
      if (m.field === 7 && m.wire === WIRE_LEN) await objectGraph(r, m, doc); // MetaGraphDef.object_graph_def
      if (m.field !== 2 || m.wire !== WIRE_LEN) continue; // MetaGraphDef.graph_def
      for await (const g of fields(r, m.start, m.end)) {
        if (shouldStop()) return doc;
        if (g.wire !== WIRE_LEN) continue;
        if (g.field === 1) await nodeDef(r, g, '', doc); // GraphDef.node
        else if (g.field === 2) await library(r, g, doc, shouldStop); // GraphDef.library
      }
    }
  }
  return doc;
}

/** SavedObjectGraph.nodes (1) → SavedObject.user_object (4) → SavedUserObject { identifier = 1, metadata = 3 }. */
async function objectGraph(r: WindowReader, f: PbField, doc: SavedModelDoc): Promise<void> {
  let index = 0;
  for await (const n of fields(r, f.start, f.end)) {
    if (n.field !== 1 || n.wire !== WIRE_LEN) continue;
    index++;
    for await (const k of fields(r, n.start, n.end)) {
      if (k.field !== 4 || k.wire !== WIRE_LEN) continue;
      let identifier = '';
      let metadata: unknown;
      for await (const u of fields(r, k.start, k.end)) {
        if (u.wire !== WIRE_LEN) continue;
        if (u.field === 1) identifier = await readString(r, u, 256);
        else if (u.field === 3) {
          const text = await readString(r, u, 16 << 20);
          try {
            metadata = JSON.parse(text);
          } catch {
            /* not JSON: no Keras metadata */
          }
        }
      }
      if (metadata !== undefined && doc.userObjects.length < 100_000) doc.userObjects.push({ index: index - 1, identifier, metadata });
    }
  }
}

async function library(r: WindowReader, f: PbField, doc: SavedModelDoc, shouldStop: () => boolean): Promise<void> {
  for await (const fnField of fields(r, f.start, f.end)) {
    if (fnField.field !== 1 || fnField.wire !== WIRE_LEN) continue; // FunctionDefLibrary.function
    let fnName = '';
    const nodes: PbField[] = [];
    for await (const x of fields(r, fnField.start, fnField.end)) {
      if (x.wire !== WIRE_LEN) continue;
      if (x.field === 1) {
        for await (const s of fields(r, x.start, x.end)) if (s.field === 1 && s.wire === WIRE_LEN) fnName = await readString(r, s, 1024); // OpDef.name
      } else if (x.field === 3) nodes.push(x); // FunctionDef.node_def
    }
    for (const n of nodes) {
      if (shouldStop()) return;
      await nodeDef(r, n, fnName, doc);
    }
  }
}

async function nodeDef(r: WindowReader, f: PbField, fnName: string, doc: SavedModelDoc): Promise<void> {
  if (doc.ops.length >= MAX_OPS) return;
  let name = '';
  let op = '';
  let token: string | undefined;
  for await (const x of fields(r, f.start, f.end)) {
    if (x.wire !== WIRE_LEN) continue;
    if (x.field === 1) name = await readString(r, x, 1024);
    else if (x.field === 2) op = await readString(r, x, 1024);
    else if (x.field === 5) {
      // map<string, AttrValue> attr: entry { key = 1; value = 2 }, AttrValue.s = 2
      let key = '';
      let value: PbField | undefined;
      for await (const e of fields(r, x.start, x.end)) {
        if (e.field === 1 && e.wire === WIRE_LEN) key = await readString(r, e, 256);
        else if (e.field === 2 && e.wire === WIRE_LEN) value = e;
      }
      if (key === 'token' && value) {
        for await (const v of fields(r, value.start, value.end)) if (v.field === 2 && v.wire === WIRE_LEN) token = await readString(r, v, 256);
      }
    }
  }
  doc.ops.push({ op, node: fnName ? `${fnName}/${name}` : name, token });
}

export interface KerasMetadataNode {
  nodePath?: string;
  /** The layer's JSON metadata (class_name, config …). */
  metadata: unknown;
}

/**
 * `keras_metadata.pb` is a SavedMetadata message whose `nodes` (field 1) each carry a node path and a
 * JSON string. Rather than depend on the exact field numbers of SavedObject (they moved between
 * releases), every string field of a node that parses as a JSON object is taken as its metadata.
 */
export async function parseKerasMetadata(r: WindowReader, shouldStop: () => boolean = () => false): Promise<KerasMetadataNode[]> {
  const out: KerasMetadataNode[] = [];
  for await (const f of fields(r, 0, r.size)) {
    if (shouldStop()) break;
    if (f.field !== 1 || f.wire !== WIRE_LEN) continue;
    const node: KerasMetadataNode = { metadata: undefined };
    for await (const x of fields(r, f.start, f.end)) {
      if (x.wire !== WIRE_LEN) continue;
      const s = await readString(r, x, 16 << 20);
      if (s.startsWith('{')) {
        try {
          node.metadata = JSON.parse(s);
        } catch {
          /* not JSON: another string field */
        }
      } else if (s.startsWith('root')) node.nodePath = s;
    }
    if (node.metadata !== undefined) out.push(node);
  }
  return out;
}
