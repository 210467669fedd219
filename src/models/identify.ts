/**
 * One identification step for model artifacts, shared by discovery (`aigis bom`) and the model
 * scanners (`model/*` rules): by magic bytes first, by name only where a format has no magic.
 * Pure: takes the first bytes of a file and its info.
 */
import type { FileInfo } from '../core/analyzer.js';

export type ModelFormat =
  | 'pickle' // raw pickle stream (also joblib, .pkl, legacy torch)
  | 'torch-zip' // zip archive with a data.pkl member (torch.save >= 1.6, TorchScript)
  | 'zip' // other zip (.keras, .npz, model archives)
  | 'safetensors'
  | 'gguf'
  | 'hdf5' // Keras .h5
  | 'onnx'
  | 'tflite'
  | 'numpy' // .npy
  | 'tar' // legacy torch tar or model archive
  | 'gzip'
  | '7z'
  | 'savedmodel-pb' // TensorFlow SavedModel saved_model.pb / keras_metadata.pb
  | 'keras-config'; // config.json of a .keras directory layout

/** Bytes needed by `identifyModelFormat`. */
export const IDENTIFY_HEAD_BYTES = 64;

/** Extensions that commonly hold model weights (used when magic is ambiguous). */
export const MODEL_EXTENSIONS = new Set([
  '.pt', '.pth', '.bin', '.ckpt', '.pkl', '.pickle', '.joblib', '.safetensors', '.gguf', '.ggml', '.h5',
  '.hdf5', '.keras', '.onnx', '.tflite', '.npy', '.npz', '.pb', '.mar', '.7z', '.dill', '.sav', '.model',
]);

/** Archive extensions that may hold models (a tarball of a model directory); tar and gzip have weak magic. */
export const ARCHIVE_EXTENSIONS = new Set(['.tar', '.tgz']);

/** Archive extensions the pickle analyzer opens (models inside), beyond the model extensions themselves. */
export const PICKLE_ARCHIVE_EXTENSIONS = new Set(['.zip', '.tar', '.tgz', '.gz', '.mar', '.nemo', '.pt2']);

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_EMPTY = Buffer.from('PK\x05\x06', 'latin1');
const HDF5_MAGIC = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
const NUMPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
const SEVENZ_MAGIC = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
const GGUF_MAGIC = Buffer.from('GGUF', 'latin1');
const TFLITE_MAGIC = Buffer.from('TFL3', 'latin1');
const USTAR_MAGIC = Buffer.from('ustar', 'latin1');

/**
 * Whether `head` holds `magic` at `offset`, compared in place: identification runs on every model
 * file (by two analyzers), and a `subarray` per magic number allocated a Buffer each.
 */
function bytesAt(head: Buffer, offset: number, magic: Buffer): boolean {
  if (head.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[offset + i] !== magic[i]) return false;
  return true;
}

/** True when `head` starts like a pickle stream: PROTO opcode with protocol 2..5, or a protocol-0/1 opcode. */
export function looksLikePickle(head: Buffer): boolean {
  if (head.length < 2) return false;
  const op = head[0];
  if (op === 0x80) return head[1] >= 2 && head[1] <= 5; // PROTO n
  // Protocol 0/1 pickles start with one of these opcodes: ( MARK, } EMPTY_DICT, ] EMPTY_LIST,
  // c GLOBAL, ) EMPTY_TUPLE, I/L/F/S/V/N scalars, d DICT, l LIST. Guard with the extension so
  // that ordinary text files starting with "(" or "l" are not taken for pickles.
  return false;
}

/**
 * Identifies a model format. `head` should hold at least IDENTIFY_HEAD_BYTES bytes (less for tiny files).
 * Returns undefined when the file is not a model artifact.
 */
export function identifyModelFormat(info: FileInfo, head: Buffer): ModelFormat | undefined {
  const ext = info.ext;
  if (bytesAt(head, 0, ZIP_MAGIC) || bytesAt(head, 0, ZIP_EMPTY)) {
    return ext === '.keras' || ext === '.npz' ? 'zip' : MODEL_EXTENSIONS.has(ext) ? 'torch-zip' : 'zip';
  }
  if (bytesAt(head, 0, HDF5_MAGIC)) return 'hdf5';
  if (bytesAt(head, 0, NUMPY_MAGIC)) return 'numpy';
  if (bytesAt(head, 0, SEVENZ_MAGIC)) return '7z';
  if (bytesAt(head, 0, GGUF_MAGIC)) return 'gguf';
  if (bytesAt(head, 4, TFLITE_MAGIC)) return 'tflite';
  if (head[0] === 0x1f && head[1] === 0x8b) return MODEL_EXTENSIONS.has(ext) || (ext === '.gz' && mayHoldModel(info.name)) || ARCHIVE_EXTENSIONS.has(ext) ? 'gzip' : undefined;
  if (looksLikeSafetensors(head, info.size)) return 'safetensors';
  if (looksLikePickle(head)) return 'pickle';
  if (bytesAt(head, 257, USTAR_MAGIC)) return MODEL_EXTENSIONS.has(ext) || ARCHIVE_EXTENSIONS.has(ext) ? 'tar' : undefined;
  // Formats without a magic number: decide by name.
  if (ext === '.onnx') return 'onnx';
  // A .safetensors file whose header size does not fit is still one (a malformed one, for the header checks).
  if (ext === '.safetensors') return 'safetensors';
  if (info.name === 'saved_model.pb' || info.name === 'keras_metadata.pb') return 'savedmodel-pb';
  if (ext === '.pkl' || ext === '.pickle' || ext === '.joblib' || ext === '.dill') return 'pickle'; // protocol 0/1
  if ((ext === '.bin' || ext === '.pt' || ext === '.pth') && plausibleProto0(head)) return 'pickle';
  return undefined;
}

/**
 * A `.gz` may hold a model when the name under it does: `model.pkl.gz`, `weights.tar.gz`, or a bare
 * `model.gz`. `service-2.json.gz` (botocore ships hundreds), `changelog.Debian.gz` and man pages are
 * compressed text, not models.
 */
function mayHoldModel(name: string): boolean {
  const inner = name.slice(0, -'.gz'.length);
  const dot = inner.lastIndexOf('.');
  const ext = dot > 0 ? inner.slice(dot) : '';
  return ext === '' || MODEL_EXTENSIONS.has(ext) || ARCHIVE_EXTENSIONS.has(ext) || ext === '.z' || ext === '.zlib';
}

/**
 * First opcodes of protocol 0/1 pickles (used only for model extensions): MARK, EMPTY_DICT/LIST/TUPLE,
 * GLOBAL, INST, INT, LONG, FLOAT, STRING, UNICODE, NONE. DICT `d` and LIST `l` pop to a MARK and
 * cannot come first.
 */
const PROTO0_FIRST = new Set([0x28, 0x7d, 0x5d, 0x63, 0x29, 0x49, 0x4c, 0x46, 0x53, 0x56, 0x4e, 0x69]);

/** The argument line each protocol-0 opcode that takes one must have. */
const PROTO0_ARG: Record<number, RegExp> = {
  0x63: /^[A-Za-z_][\w.]*(?:\n|$)/, // GLOBAL: a module line (then a name line)
  0x69: /^[A-Za-z_][\w.]*(?:\n|$)/, // INST: a module line (then a name line)
  0x49: /^-?\d+(?:\n|$)/, // INT
  0x4c: /^-?\d+L?(?:\n|$)/, // LONG
  0x46: /^-?(?:\d+\.?\d*(?:e[-+]?\d+)?|nan|inf)(?:\n|$)/i, // FLOAT
  0x53: /^['"]/, // STRING: a quoted repr
};

/**
 * The first opcode of a protocol 0/1 pickle, with its argument where it has one (`ccollections\nOrderedDict\n`).
 * Site `.pth` files (`import os; var = …` from setuptools in every Python environment, `lib/…` path
 * lines) start with opcode letters too, but `mport os; var = …` is no module name.
 */
function plausibleProto0(head: Buffer): boolean {
  if (head.length === 0 || !PROTO0_FIRST.has(head[0])) return false;
  const arg = PROTO0_ARG[head[0]];
  return arg === undefined || arg.test(head.subarray(1, 257).toString('latin1'));
}

/** safetensors: 8-byte little-endian header length, then a JSON object starting with `{`. */
function looksLikeSafetensors(head: Buffer, size: number): boolean {
  if (head.length < 9) return false;
  const len = Number(head.readBigUInt64LE(0));
  return len > 1 && len + 8 <= size && len < 100 * 1024 * 1024 && head[8] === 0x7b;
}
