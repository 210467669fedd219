/**
 * The I/O edge of `--vuln-report`: reads each named file (bounded), and parses it. A file that cannot
 * be read is a usage error (the user named it); content that cannot be understood is a note.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Note } from '../../core/model.js';
import type { ImportedReport } from './model.js';
import { IMPORT_SOURCE, parseVulnReport } from './parse.js';

/** Largest report read (Trivy JSON of a large full-distribution image is a few MiB). */
export const MAX_VULN_REPORT_BYTES = 64 * 1024 * 1024;

export class VulnReportError extends Error {}

/** `file` is opened; `shown` (as the user wrote it) names it in notes and findings. */
export function readVulnReports(files: readonly { file: string; shown: string }[], maxBytes = MAX_VULN_REPORT_BYTES): { reports: ImportedReport[]; notes: Note[] } {
  const reports: ImportedReport[] = [];
  const notes: Note[] = [];
  for (const { file, shown } of files) {
    const text = readBounded(file, shown, maxBytes);
    if (text === undefined) {
      notes.push({ level: 'error', path: shown, source: IMPORT_SOURCE, message: `larger than ${maxBytes} bytes; ignored` });
      continue;
    }
    const parsed = parseVulnReport(text, shown);
    if (parsed.report) reports.push(parsed.report);
    notes.push(...parsed.notes);
  }
  return { reports, notes };
}

/** The file's text, or undefined when it is bigger than `max` (checked on the open descriptor, not trusted from a stat). */
function readBounded(file: string, shown: string, max: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new VulnReportError(`cannot read --vuln-report ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new VulnReportError(`cannot read --vuln-report ${shown}: not a regular file`);
    if (st.size > max) return undefined;
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > max) return undefined;
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
