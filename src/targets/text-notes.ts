/**
 * Per-file notes about content that analyzers could not read as text: binary content and invalid
 * UTF-8. Emitted only when an analyzer actually asks for the text (so a repository full of images
 * that no analyzer wants to read stays quiet), and at most once per file.
 */
import type { ScanFile } from '../core/analyzer.js';
import type { Note } from '../core/model.js';

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** Wraps `file.text()` in place so that the first call records what went wrong, if anything. */
export function withTextNotes(file: ScanFile, notes: Note[], readBudget: number): ScanFile {
  const text = file.text.bind(file);
  let checked: Promise<string | undefined> | undefined;
  file.text = () => {
    checked ??= text().then(async (t) => {
      if (file.size > readBudget) return t; // the budget note says it already
      if (t === undefined) {
        notes.push({ level: 'info', path: file.path, message: 'binary content (NUL bytes): not read as text', source: 'target' });
      } else if (t.includes('\uFFFD') && !(await file.bytes()).includes(REPLACEMENT_UTF8)) {
        notes.push({ level: 'info', path: file.path, message: 'invalid UTF-8: undecodable bytes were replaced with U+FFFD and the rest was read', source: 'target' });
      }
      return t;
    });
    return checked;
  };
  return file;
}

/** The index-time note for a file listed but too big to be read whole. */
export function overBudgetNote(path: string, size: number, readBudget: number, extra = ''): Note {
  return {
    level: 'info',
    path,
    message: `${size} bytes, over the read budget of ${readBudget} bytes (--max-file-size): listed, but not read whole${extra}`,
    source: 'target',
  };
}
