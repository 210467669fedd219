/**
 * Recognises and reads one imported vulnerability report. Malformed or unknown input gives a note,
 * never an exception: the scan goes on without it.
 */
import type { Note } from '../../core/model.js';
import { errorText } from '../../pipeline/scan.js';
import { isGrype, readGrype } from './grype.js';
import { isRecord, type ImportedReport } from './model.js';
import { isTrivy, readTrivy } from './trivy.js';

export const IMPORT_SOURCE = 'vuln-report';

export function parseVulnReport(text: string, file: string): { report?: ImportedReport; notes: Note[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    // Deeply nested input ends here too (V8 throws a RangeError rather than recursing without end).
    return { notes: [note('error', file, `not valid JSON (${errorText(err)}); ignored`)] };
  }
  if (!isRecord(doc)) return { notes: [note('error', file, 'not a Trivy or Grype JSON report (top level is not an object); ignored')] };
  const report = isTrivy(doc) ? readTrivy(doc, file) : isGrype(doc) ? readGrype(doc, file) : undefined;
  if (!report) return { notes: [note('error', file, 'not a Trivy (SchemaVersion, Results) or Grype (matches, source) JSON report; ignored')] };
  const notes: Note[] = [];
  if (!report.image.refs.length && !report.image.digests.length) notes.push(note('warning', file, `${report.scanner} report names no image; its findings are attached to no workload`));
  if (report.skippedNonOs) notes.push(note('info', file, `${report.skippedNonOs} language-package matches skipped (aigis matches packages itself; only operating-system packages are imported)`));
  if (report.dropped) notes.push(note('warning', file, `${report.dropped} more vulnerabilities not imported (at most ${report.vulns.length} per report)`));
  return { report, notes };
}

function note(level: Note['level'], path: string, message: string): Note {
  return { level, path, message, source: IMPORT_SOURCE };
}
