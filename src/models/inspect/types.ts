/**
 * What inspecting one model artifact (and every container member inside it) yields. The rules in
 * `src/models/rules/` turn this into findings; nothing here decides severities.
 */
import type { ModelFormat } from '../identify.js';
import type { PickleScan } from '../pickle/walker.js';

/** Path of a member inside the file: each element is one container level. */
export type Chain = string[];

export interface InspectedPickle {
  chain: Chain;
  scan: PickleScan;
  /** What carried it: a plain pickle, a torch zip's data.pkl, a legacy torch file, a .npy object array … */
  carrier: string;
}

export interface Anomaly {
  chain: Chain;
  kind: string;
  message: string;
}

export interface TorchScriptArchive {
  chain: Chain;
  /** Member names that make it TorchScript (code/ files, constants.pkl). */
  evidence: string[];
}

export interface TraversalMember {
  chain: Chain;
  name: string;
  why: string;
}

export interface HiddenContent {
  chain: Chain;
  kind: '7z' | 'encrypted' | 'unsupported-compression' | 'too-large';
  message: string;
  /** True when the content could still be inspected (e.g. 7z read with 7z-wasm). */
  inspected: boolean;
}

export interface ObjectArray {
  chain: Chain;
  descr: string;
}

export interface Inspection {
  format?: ModelFormat | 'zlib';
  pickles: InspectedPickle[];
  anomalies: Anomaly[];
  torchscript: TorchScriptArchive[];
  traversal: TraversalMember[];
  hidden: HiddenContent[];
  objectArrays: ObjectArray[];
  /** Per-file remarks (parse errors, budgets) that become report notes. */
  notes: { level: 'error' | 'warning' | 'info'; message: string }[];
}

export function emptyInspection(): Inspection {
  return { pickles: [], anomalies: [], torchscript: [], traversal: [], hidden: [], objectArrays: [], notes: [] };
}
