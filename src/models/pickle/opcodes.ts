/**
 * The pickle opcode table (protocols 0–5) as data, after CPython's `Lib/pickletools.py`.
 * The walker looks opcodes up here; how each one moves the stack lives in `walker.ts`.
 */

/** How an opcode's inline argument is encoded. */
export type ArgKind =
  | 'none'
  | 'u1' // 1-byte unsigned
  | 'u2' // 2-byte little-endian unsigned
  | 'i4' // 4-byte little-endian signed
  | 'u4' // 4-byte little-endian unsigned (memo indices)
  | 'u8' // 8-byte little-endian unsigned (FRAME)
  | 'f8' // 8-byte big-endian float
  | 'line' // bytes up to a newline (protocol 0 text arguments)
  | 'line2' // two newline-terminated lines (GLOBAL, INST: module and name)
  | 'bytes1' // 1-byte length, then that many bytes
  | 'bytes4' // 4-byte unsigned length, then bytes
  | 'bytes4s' // 4-byte signed length, then bytes (BINSTRING)
  | 'bytes8'; // 8-byte length, then bytes

export interface OpcodeInfo {
  name: string;
  arg: ArgKind;
  /** Protocol that introduced it. */
  proto: number;
}

const TABLE: Record<string, OpcodeInfo> = {
  '(': { name: 'MARK', arg: 'none', proto: 0 },
  '.': { name: 'STOP', arg: 'none', proto: 0 },
  '0': { name: 'POP', arg: 'none', proto: 0 },
  '1': { name: 'POP_MARK', arg: 'none', proto: 1 },
  '2': { name: 'DUP', arg: 'none', proto: 0 },
  F: { name: 'FLOAT', arg: 'line', proto: 0 },
  I: { name: 'INT', arg: 'line', proto: 0 },
  J: { name: 'BININT', arg: 'i4', proto: 1 },
  K: { name: 'BININT1', arg: 'u1', proto: 1 },
  L: { name: 'LONG', arg: 'line', proto: 0 },
  M: { name: 'BININT2', arg: 'u2', proto: 1 },
  N: { name: 'NONE', arg: 'none', proto: 0 },
  P: { name: 'PERSID', arg: 'line', proto: 0 },
  Q: { name: 'BINPERSID', arg: 'none', proto: 1 },
  R: { name: 'REDUCE', arg: 'none', proto: 0 },
  S: { name: 'STRING', arg: 'line', proto: 0 },
  T: { name: 'BINSTRING', arg: 'bytes4s', proto: 1 },
  U: { name: 'SHORT_BINSTRING', arg: 'bytes1', proto: 1 },
  V: { name: 'UNICODE', arg: 'line', proto: 0 },
  X: { name: 'BINUNICODE', arg: 'bytes4', proto: 1 },
  a: { name: 'APPEND', arg: 'none', proto: 0 },
  b: { name: 'BUILD', arg: 'none', proto: 0 },
  c: { name: 'GLOBAL', arg: 'line2', proto: 0 },
  d: { name: 'DICT', arg: 'none', proto: 0 },
  '}': { name: 'EMPTY_DICT', arg: 'none', proto: 1 },
  e: { name: 'APPENDS', arg: 'none', proto: 1 },
  g: { name: 'GET', arg: 'line', proto: 0 },
  h: { name: 'BINGET', arg: 'u1', proto: 1 },
  i: { name: 'INST', arg: 'line2', proto: 0 },
  j: { name: 'LONG_BINGET', arg: 'u4', proto: 1 },
  l: { name: 'LIST', arg: 'none', proto: 0 },
  ']': { name: 'EMPTY_LIST', arg: 'none', proto: 1 },
  o: { name: 'OBJ', arg: 'none', proto: 1 },
  p: { name: 'PUT', arg: 'line', proto: 0 },
  q: { name: 'BINPUT', arg: 'u1', proto: 1 },
  r: { name: 'LONG_BINPUT', arg: 'u4', proto: 1 },
  s: { name: 'SETITEM', arg: 'none', proto: 0 },
  t: { name: 'TUPLE', arg: 'none', proto: 0 },
  ')': { name: 'EMPTY_TUPLE', arg: 'none', proto: 1 },
  u: { name: 'SETITEMS', arg: 'none', proto: 1 },
  G: { name: 'BINFLOAT', arg: 'f8', proto: 1 },
  '\x80': { name: 'PROTO', arg: 'u1', proto: 2 },
  '\x81': { name: 'NEWOBJ', arg: 'none', proto: 2 },
  '\x82': { name: 'EXT1', arg: 'u1', proto: 2 },
  '\x83': { name: 'EXT2', arg: 'u2', proto: 2 },
  '\x84': { name: 'EXT4', arg: 'i4', proto: 2 },
  '\x85': { name: 'TUPLE1', arg: 'none', proto: 2 },
  '\x86': { name: 'TUPLE2', arg: 'none', proto: 2 },
  '\x87': { name: 'TUPLE3', arg: 'none', proto: 2 },
  '\x88': { name: 'NEWTRUE', arg: 'none', proto: 2 },
  '\x89': { name: 'NEWFALSE', arg: 'none', proto: 2 },
  '\x8a': { name: 'LONG1', arg: 'bytes1', proto: 2 },
  '\x8b': { name: 'LONG4', arg: 'bytes4s', proto: 2 },
  B: { name: 'BINBYTES', arg: 'bytes4', proto: 3 },
  C: { name: 'SHORT_BINBYTES', arg: 'bytes1', proto: 3 },
  '\x8c': { name: 'SHORT_BINUNICODE', arg: 'bytes1', proto: 4 },
  '\x8d': { name: 'BINUNICODE8', arg: 'bytes8', proto: 4 },
  '\x8e': { name: 'BINBYTES8', arg: 'bytes8', proto: 4 },
  '\x8f': { name: 'EMPTY_SET', arg: 'none', proto: 4 },
  '\x90': { name: 'ADDITEMS', arg: 'none', proto: 4 },
  '\x91': { name: 'FROZENSET', arg: 'none', proto: 4 },
  '\x92': { name: 'NEWOBJ_EX', arg: 'none', proto: 4 },
  '\x93': { name: 'STACK_GLOBAL', arg: 'none', proto: 4 },
  '\x94': { name: 'MEMOIZE', arg: 'none', proto: 4 },
  '\x95': { name: 'FRAME', arg: 'u8', proto: 4 },
  '\x96': { name: 'BYTEARRAY8', arg: 'bytes8', proto: 5 },
  '\x97': { name: 'NEXT_BUFFER', arg: 'none', proto: 5 },
  '\x98': { name: 'READONLY_BUFFER', arg: 'none', proto: 5 },
};

/** Opcode info indexed by byte value; undefined for bytes that are not opcodes. */
export const OPCODES: (OpcodeInfo | undefined)[] = Array.from({ length: 256 }, (_, b) => TABLE[String.fromCharCode(b)]);

/** Highest pickle protocol this walker understands. */
export const HIGHEST_PROTOCOL = 5;
