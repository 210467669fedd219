/**
 * Finds JSON objects that start with `marker` inside binary data (an HDF5 file too large for the
 * in-memory HDF5 reader keeps `model_config` as a plain string in its object headers or heap).
 * Brace matching is string-aware; each candidate must then parse as JSON.
 */
export function extractJsonObjects(buf: Buffer, marker: string, max = 16): unknown[] {
  const out: unknown[] = [];
  const needle = Buffer.from(marker, 'latin1');
  let from = 0;
  while (out.length < max) {
    const start = buf.indexOf(needle, from);
    if (start < 0) break;
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let i = start; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b) depth++;
      else if (c === 0x7d && --depth === 0) {
        end = i + 1;
        break;
      } else if (c === 0) break;
    }
    if (end < 0) {
      from = start + 1;
      continue;
    }
    try {
      out.push(JSON.parse(buf.subarray(start, end).toString('utf8')));
    } catch {
      /* not JSON after all */
    }
    from = end;
  }
  return out;
}
