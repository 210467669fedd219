/**
 * Reads the parts of an ONNX ModelProto that matter for security and discovery, over the protobuf
 * wire format (see ../protobuf/wire.ts for why no schema library): producer and opsets, the domains
 * of every node (including nodes in subgraphs of If/Loop/Scan and in model-local functions), and the
 * external-data `location` of every initializer. Tensor payloads (`raw_data`) are skipped unread.
 * Field numbers from onnx/onnx.proto3.
 */
import type { WindowReader } from '../io/window-reader.js';
import { fields, ProtobufError, readString, WIRE_LEN, WIRE_VARINT, type PbField } from '../protobuf/wire.js';

export interface OnnxExternalData {
  tensor: string;
  location: string;
}

export interface OnnxDoc {
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  opsets: { domain: string; version: number }[];
  /** Node domain ('' = default ai.onnx) → op types used. */
  nodeDomains: Map<string, Set<string>>;
  /** Domains of model-local functions (FunctionProto), which define their own ops. */
  functionDomains: Set<string>;
  externalData: OnnxExternalData[];
  metadata: Record<string, string>;
  nodeCount: number;
}

const MAX_DEPTH = 32;

// ModelProto
const M_IR_VERSION = 1, M_PRODUCER_NAME = 2, M_PRODUCER_VERSION = 3, M_DOMAIN = 4, M_MODEL_VERSION = 5, M_GRAPH = 7, M_OPSET = 8, M_METADATA = 14, M_FUNCTIONS = 25;
// GraphProto
const G_NODE = 1, G_INITIALIZER = 5, G_SPARSE_INITIALIZER = 15;
// NodeProto
const N_OP_TYPE = 4, N_ATTRIBUTE = 5, N_DOMAIN = 7;
// AttributeProto
const A_T = 5, A_G = 6, A_TENSORS = 10, A_GRAPHS = 11, A_SPARSE_TENSOR = 22, A_SPARSE_TENSORS = 23;
// TensorProto
const T_NAME = 8, T_EXTERNAL_DATA = 13;
// FunctionProto
const F_NODE = 7, F_OPSET = 9, F_DOMAIN = 10;

export async function parseOnnx(r: WindowReader, shouldStop: () => boolean = () => false): Promise<OnnxDoc> {
  const doc: OnnxDoc = { opsets: [], nodeDomains: new Map(), functionDomains: new Set(), externalData: [], metadata: {}, nodeCount: 0 };
  let sawGraph = false;
  for await (const f of fields(r, 0, r.size)) {
    if (f.field === M_IR_VERSION && f.wire === WIRE_VARINT) doc.irVersion = Number(f.value);
    else if (f.field === M_PRODUCER_NAME && f.wire === WIRE_LEN) doc.producerName = await readString(r, f, 1024);
    else if (f.field === M_PRODUCER_VERSION && f.wire === WIRE_LEN) doc.producerVersion = await readString(r, f, 1024);
    else if (f.field === M_DOMAIN && f.wire === WIRE_LEN) doc.domain = await readString(r, f, 1024);
    else if (f.field === M_MODEL_VERSION && f.wire === WIRE_VARINT) doc.modelVersion = Number(f.value);
    else if (f.field === M_OPSET && f.wire === WIRE_LEN) doc.opsets.push(await opset(r, f));
    else if (f.field === M_METADATA && f.wire === WIRE_LEN) {
      const [k, v] = await stringEntry(r, f);
      if (Object.keys(doc.metadata).length < 256) doc.metadata[k] = v;
    } else if (f.field === M_GRAPH && f.wire === WIRE_LEN) {
      sawGraph = true;
      await graph(r, f, doc, 0, shouldStop);
    } else if (f.field === M_FUNCTIONS && f.wire === WIRE_LEN) await fn(r, f, doc, shouldStop);
  }
  if (!sawGraph && doc.irVersion === undefined) throw new ProtobufError('no ONNX ModelProto fields (ir_version, graph) found');
  return doc;
}

async function opset(r: WindowReader, f: PbField): Promise<{ domain: string; version: number }> {
  let domain = '';
  let version = 0;
  for await (const g of fields(r, f.start, f.end)) {
    if (g.field === 1 && g.wire === WIRE_LEN) domain = await readString(r, g, 1024);
    else if (g.field === 2 && g.wire === WIRE_VARINT) version = Number(g.value);
  }
  return { domain, version };
}

async function stringEntry(r: WindowReader, f: PbField): Promise<[string, string]> {
  let key = '';
  let value = '';
  for await (const g of fields(r, f.start, f.end)) {
    if (g.field === 1 && g.wire === WIRE_LEN) key = await readString(r, g, 4096);
    else if (g.field === 2 && g.wire === WIRE_LEN) value = await readString(r, g, 4096);
  }
  return [key, value];
}

async function graph(r: WindowReader, f: PbField, doc: OnnxDoc, depth: number, shouldStop: () => boolean): Promise<void> {
  if (depth > MAX_DEPTH) throw new ProtobufError(`subgraphs nested deeper than ${MAX_DEPTH}`);
  for await (const g of fields(r, f.start, f.end)) {
    if (shouldStop()) return;
    if (g.wire !== WIRE_LEN) continue;
    if (g.field === G_NODE) await node(r, g, doc, depth, shouldStop);
    else if (g.field === G_INITIALIZER) await tensor(r, g, doc);
    else if (g.field === G_SPARSE_INITIALIZER) {
      for await (const s of fields(r, g.start, g.end)) if (s.wire === WIRE_LEN && (s.field === 1 || s.field === 2)) await tensor(r, s, doc);
    }
  }
}

async function node(r: WindowReader, f: PbField, doc: OnnxDoc, depth: number, shouldStop: () => boolean): Promise<void> {
  doc.nodeCount++;
  let opType = '';
  let domain = '';
  for await (const g of fields(r, f.start, f.end)) {
    if (g.wire !== WIRE_LEN) continue;
    if (g.field === N_OP_TYPE) opType = await readString(r, g, 1024);
    else if (g.field === N_DOMAIN) domain = await readString(r, g, 1024);
    else if (g.field === N_ATTRIBUTE) {
      for await (const a of fields(r, g.start, g.end)) {
        if (a.wire !== WIRE_LEN) continue;
        if (a.field === A_G || a.field === A_GRAPHS) await graph(r, a, doc, depth + 1, shouldStop);
        else if (a.field === A_T || a.field === A_TENSORS) await tensor(r, a, doc);
        else if (a.field === A_SPARSE_TENSOR || a.field === A_SPARSE_TENSORS) {
          for await (const s of fields(r, a.start, a.end)) if (s.wire === WIRE_LEN && (s.field === 1 || s.field === 2)) await tensor(r, s, doc);
        }
      }
    }
  }
  let ops = doc.nodeDomains.get(domain);
  if (!ops) doc.nodeDomains.set(domain, (ops = new Set()));
  if (ops.size < 64) ops.add(opType);
}

async function tensor(r: WindowReader, f: PbField, doc: OnnxDoc): Promise<void> {
  let name = '';
  let location: string | undefined;
  for await (const g of fields(r, f.start, f.end)) {
    if (g.wire !== WIRE_LEN) continue;
    if (g.field === T_NAME) name = await readString(r, g, 4096);
    else if (g.field === T_EXTERNAL_DATA) {
      const [k, v] = await stringEntry(r, g);
      if (k === 'location') location = v;
    }
  }
  if (location !== undefined) doc.externalData.push({ tensor: name, location });
}

async function fn(r: WindowReader, f: PbField, doc: OnnxDoc, shouldStop: () => boolean): Promise<void> {
  for await (const g of fields(r, f.start, f.end)) {
    if (g.wire !== WIRE_LEN) continue;
    if (g.field === F_DOMAIN) doc.functionDomains.add(await readString(r, g, 1024));
    else if (g.field === F_NODE) await node(r, g, doc, 1, shouldStop);
    else if (g.field === F_OPSET) {
      const o = await opset(r, g);
      if (!doc.opsets.some((x) => x.domain === o.domain)) doc.opsets.push(o);
    }
  }
}
