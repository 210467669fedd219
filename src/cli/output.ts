/**
 * Every file a command writes goes through here (`-o/--output` of scan, bom, detect, hash; rule docs
 * and exports). Two guarantees:
 * - checked before the work: `checkOutput` fails with a one-line error when the place cannot be
 *   written, so a long scan does not end in "cannot write";
 * - never through a final symbolic link: the text goes to a fresh temporary file in the same
 *   directory (created with O_EXCL, which does not follow links) that is then renamed over the
 *   destination. rename(2) replaces a link itself, so `results.sarif -> ../victim` planted in a scanned
 *   tree leaves the victim alone. Devices and FIFOs (`/dev/stdout`, `/dev/null`, a named pipe) are
 *   written in place: renaming over them would replace system files.
 */
import { accessSync, closeSync, constants, lstatSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { nodeCrypto } from '../core/node-crypto.js';
import { CliError } from './exit.js';

/** Fails (CliError, exit 2) when `file` cannot be written; call it before scanning. */
export function checkOutput(file: string): void {
  const dest = path.resolve(file);
  const st = lstatOrUndefined(dest);
  if (st?.isDirectory()) throw new CliError(`cannot write ${file}: it is a directory`);
  if (writtenInPlace(dest, st)) {
    try {
      accessSync(dest, constants.W_OK);
    } catch (err) {
      throw new CliError(`cannot write ${file}: ${errCode(err)}`);
    }
    return;
  }
  const dir = path.dirname(dest);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (err) {
    throw new CliError(`cannot write ${file}: directory ${path.dirname(file) || '.'} ${errCode(err) === 'ENOENT' ? 'does not exist' : `is not accessible (${errCode(err)})`}`);
  }
  if (!dirStat.isDirectory()) throw new CliError(`cannot write ${file}: ${path.dirname(file)} is not a directory`);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new CliError(`cannot write ${file}: directory ${path.dirname(file) || '.'} is not writable (${errCode(err)})`);
  }
}

/** Writes `text` to `file` without following a final symbolic link (see the header). */
export function writeOutput(file: string, text: string | Uint8Array): void {
  const dest = path.resolve(file);
  const st = lstatOrUndefined(dest);
  if (st?.isDirectory()) throw new CliError(`cannot write ${file}: it is a directory`);
  if (writtenInPlace(dest, st)) {
    // /dev/stdout, /dev/fd/N, /proc/self/fd/N are links by design: follow them; never create or rename there.
    const follow = isSystemPath(dest) ? constants.O_TRUNC : constants.O_NOFOLLOW;
    writeWhole(file, () => openSync(dest, constants.O_WRONLY | follow), text);
    return;
  }
  const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    // O_EXCL: fails rather than following anything already at the temporary name.
    writeWhole(file, () => openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666), text);
    renameSync(tmp, dest);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot write ${file}: ${errCode(err)}`);
  }
}

function writeWhole(shown: string, open: () => number, text: string | Uint8Array): void {
  let fd: number;
  try {
    fd = open();
  } catch (err) {
    throw new CliError(`cannot write ${shown}: ${errCode(err)}`);
  }
  try {
    const buf = typeof text === 'string' ? Buffer.from(text) : text;
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  } catch (err) {
    throw new CliError(`cannot write ${shown}: ${errCode(err)}`);
  } finally {
    closeSync(fd);
  }
}

/** Writes to stdout; a write error there (a full device, a closed pipe) is handled in main.ts. */
export function writeStdout(text: string): void {
  process.stdout.write(text);
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Devices, FIFOs and sockets, and any existing name under /dev or /proc (`/dev/stdout` is a link to
 * /proc/self/fd/1): written in place, never replaced by a rename, which would swap out system files.
 */
function writtenInPlace(dest: string, st: Stats | undefined): boolean {
  return st !== undefined && (isSpecial(st) || isSystemPath(dest));
}

function isSystemPath(p: string): boolean {
  return /^\/(?:dev|proc)\//.test(p);
}

/** Character devices, FIFOs and sockets: written in place, never replaced. */
function isSpecial(st: Stats): boolean {
  return st.isCharacterDevice() || st.isFIFO() || st.isSocket() || st.isBlockDevice();
}

function errCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return typeof e?.code === 'string' ? e.code : e instanceof Error ? e.message : String(err);
}
