/**
 * A minimal protobuf wire-format walker. We read ONNX ModelProto, TensorFlow SavedModel and Keras
 * SavedMetadata without their .proto schemas: we need a handful of fields (op names, domains,
 * external-data locations, metadata JSON) and must skip multi-gigabyte `raw_data` fields without
 * copying them. A schema-driven decoder (protobufjs) would materialise every field of a message in
 * memory and needs the vendored .proto files; walking the wire format over a WindowReader keeps
 * memory bounded and lets each caller descend only into the fields it knows.
 */
import { OutOfBoundsError, type WindowReader } from '../io/window-reader.js';

export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export interface PbField {
  field: number;
  wire: number;
  /** Varint value (wire 0). */
  value?: bigint;
  /** Payload span for LEN fields (and the 4/8 bytes of fixed fields). */
  start: number;
  end: number;
}

async function readVarint(r: WindowReader, pos: number, end: number): Promise<{ value: bigint; next: number }> {
  const avail = Math.min(10, end - pos);
  if (avail <= 0) throw new ProtobufError(`truncated varint at offset ${pos}`);
  const bytes = await r.read(pos, avail);
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    value |= BigInt(b & 0x7f) << BigInt(7 * i);
    if ((b & 0x80) === 0) return { value, next: pos + i + 1 };
  }
  throw new ProtobufError(`malformed varint at offset ${pos}`);
}

/** Iterates the fields of one message occupying [start, end). Throws ProtobufError on malformed input. */
export async function* fields(r: WindowReader, start: number, end: number): AsyncGenerator<PbField> {
  let pos = start;
  while (pos < end) {
    const key = await readVarint(r, pos, end);
    pos = key.next;
    const field = Number(key.value >> 3n);
    const wire = Number(key.value & 7n);
    if (field === 0) throw new ProtobufError(`field number 0 at offset ${pos}`);
    switch (wire) {
      case WIRE_VARINT: {
        const v = await readVarint(r, pos, end);
        yield { field, wire, value: v.value, start: pos, end: v.next };
        pos = v.next;
        break;
      }
      case WIRE_I64:
      case WIRE_I32: {
        const n = wire === WIRE_I64 ? 8 : 4;
        if (pos + n > end) throw new ProtobufError(`truncated fixed field ${field} at offset ${pos}`);
        yield { field, wire, start: pos, end: pos + n };
        pos += n;
        break;
      }
      case WIRE_LEN: {
        const len = await readVarint(r, pos, end);
        const payloadStart = len.next;
        if (len.value > BigInt(end - payloadStart)) {
          throw new ProtobufError(`field ${field} declares ${len.value} bytes at offset ${payloadStart} but only ${end - payloadStart} remain`);
        }
        const payloadEnd = payloadStart + Number(len.value);
        yield { field, wire, start: payloadStart, end: payloadEnd };
        pos = payloadEnd;
        break;
      }
      default:
        throw new ProtobufError(`unsupported wire type ${wire} (field ${field}) at offset ${pos}`);
    }
  }
}

/** Reads a LEN field as UTF-8, refusing strings longer than `max` bytes (they are not names or paths). */
export async function readString(r: WindowReader, f: PbField, max = 1 << 20): Promise<string> {
  if (f.wire !== WIRE_LEN) throw new ProtobufError(`field ${f.field} is not length-delimited`);
  const n = Math.min(f.end - f.start, max);
  return (await r.read(f.start, n)).toString('utf8');
}

/** True when the error comes from malformed or truncated input (as opposed to a bug). */
export function isInputError(e: unknown): boolean {
  return e instanceof ProtobufError || e instanceof OutOfBoundsError;
}
