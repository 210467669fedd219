/**
 * Paths too long for one system call. A tree 3,000 directories deep has paths over PATH_MAX (4096
 * bytes on Linux), so `readdir`/`open` on them fail with ENAMETOOLONG and a file in there would only
 * be mentioned, never scanned. Node has no `openat`, so on Linux a long path is cut into pieces
 * under the limit: the first piece is opened as a directory (O_DIRECTORY | O_NOFOLLOW) and the rest
 * is resolved from it through `/proc/self/fd/<fd>/…`. Descriptors are cached and closed with the target.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Paths up to this many bytes are used as they are (PATH_MAX is 4096 on Linux). */
const DIRECT_MAX = 3000;
/** Most directory descriptors held open at once; past that, long paths fail as before (with a note). */
const MAX_FDS = 256;
const DIR_FLAGS = constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0);

export class LongPaths {
  private readonly fds = new Map<string, FileHandle>();

  /** A path the system accepts for `abs` (a string or the raw bytes of a name that is not UTF-8). */
  async resolve(abs: string | Buffer): Promise<string | Buffer> {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: most paths need no encoding to be measured.
    if (typeof abs === 'string' && abs.length * 3 <= DIRECT_MAX) return abs;
    const bytes = typeof abs === 'string' ? Buffer.from(abs) : abs;
    if (bytes.length <= DIRECT_MAX || process.platform !== 'linux') return abs;
    const cut = bytes.lastIndexOf(0x2f, DIRECT_MAX);
    if (cut <= 0) return abs;
    const prefix = bytes.subarray(0, cut);
    const key = prefix.toString('latin1');
    let handle = this.fds.get(key);
    if (handle === undefined) {
      if (this.fds.size >= MAX_FDS) return abs;
      // Kept (a collected FileHandle closes itself) until `close`: the /proc path below depends on it.
      handle = await open(await this.resolve(prefix), DIR_FLAGS);
      this.fds.set(key, handle);
    }
    return this.resolve(Buffer.concat([Buffer.from(`/proc/self/fd/${handle.fd}/`), bytes.subarray(cut + 1)]));
  }

  async close(): Promise<void> {
    const handles = [...this.fds.values()];
    this.fds.clear();
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
  }
}

/**
 * A file name as the report shows it: UTF-8 where it is valid, `\xNN` for each byte that is not
 * (Node would turn those into U+FFFD and the name could no longer be opened).
 */
export function displayName(raw: Buffer): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(raw);
  } catch {
    let out = '';
    for (let i = 0; i < raw.length; ) {
      const b = raw[i];
      const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (len > 0 && i + len <= raw.length) {
        try {
          out += strict.decode(raw.subarray(i, i + len));
          i += len;
          continue;
        } catch {
          /* fall through to the escape */
        }
      }
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i++;
    }
    return out;
  }
}
