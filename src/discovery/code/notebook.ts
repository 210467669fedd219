/**
 * Jupyter notebooks: the code cells of an .ipynb, joined into one Python source, with a map from
 * each source row back to the line of the notebook file where that cell line is stored (via
 * jsonc-parser's offsets), so that findings point into the .ipynb itself.
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { lineAt, lineStarts } from '../../core/text.js';

export interface NotebookSource {
  language: string;
  source: string;
  /** 1-based notebook line of each 0-based row of `source`. */
  rowLines: number[];
  cells: number;
  /** Shell escapes of code cells (`!docker run …`, `!ollama pull …`) without the `!`, with their notebook lines. */
  shellRows: { text: string; line: number }[];
}

export class NotebookError extends Error {}

export function notebookSource(text: string): NotebookSource {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || root.type !== 'object' || errors.length) throw new NotebookError(`not valid notebook JSON${errors.length ? ` (error at offset ${errors[0].offset})` : ''}`);
  const cells = prop(root, 'cells');
  if (!cells || cells.type !== 'array') throw new NotebookError('no "cells" array (not an nbformat 4 notebook)');
  const starts = lineStarts(text);
  const lang = languageOf(root);
  const rows: string[] = [];
  const rowLines: number[] = [];
  const shellRows: { text: string; line: number }[] = [];
  let count = 0;
  for (const cell of cells.children ?? []) {
    if (cell.type !== 'object' || prop(cell, 'cell_type')?.value !== 'code') continue;
    const src = prop(cell, 'source');
    if (!src) continue;
    count++;
    const pieces: { value: string; line: number }[] = [];
    if (src.type === 'string') pieces.push({ value: String(src.value), line: lineAt(starts, src.offset) });
    else if (src.type === 'array') for (const s of src.children ?? []) if (s.type === 'string') pieces.push({ value: String(s.value), line: lineAt(starts, s.offset) });
    // Split pieces into rows; a row is attributed to the notebook line where it starts.
    // A `%%bash` / `%%sh` / `%%script bash` cell is shell throughout.
    const shellCell = /^\s*%%(?:bash|sh|script\s+(?:ba)?sh)\b/.test(pieces[0]?.value ?? '');
    const isShell = (row: string) => shellCell || /^\s*!/.test(row);
    let current = '';
    let startLine = pieces[0]?.line ?? lineAt(starts, src.offset);
    for (const piece of pieces) {
      const parts = piece.value.split('\n');
      for (let i = 0; i < parts.length; i++) {
        if (current === '' && parts[i] !== '') startLine = piece.line;
        current += parts[i];
        if (i < parts.length - 1) {
          if (isShell(current) && !/^\s*%%/.test(current)) shellRows.push({ text: current.replace(/^\s*!/, ''), line: startLine });
          rows.push(shellCell ? `#${current}` : neutraliseMagic(current));
          rowLines.push(current === '' ? piece.line : startLine);
          current = '';
        }
      }
    }
    if (isShell(current) && !/^\s*%%/.test(current)) shellRows.push({ text: current.replace(/^\s*!/, ''), line: startLine });
    rows.push(shellCell ? `#${current}` : neutraliseMagic(current));
    rowLines.push(startLine);
    rows.push('');
    rowLines.push(rowLines[rowLines.length - 1] ?? 1);
  }
  return { language: lang, source: rows.join('\n'), rowLines, cells: count, shellRows };
}

/** IPython magics (`%pip install x`, `!ls`) are not Python: keep the row, comment it out. */
function neutraliseMagic(row: string): string {
  return /^\s*[%!]/.test(row) ? `#${row}` : row;
}

function prop(obj: JsonNode, key: string): JsonNode | undefined {
  for (const p of obj.children ?? []) {
    if (p.type === 'property' && p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

function languageOf(root: JsonNode): string {
  const meta = prop(root, 'metadata');
  const li = meta && prop(meta, 'language_info');
  const name = li && prop(li, 'name');
  if (typeof name?.value === 'string') return name.value.toLowerCase();
  const ks = meta && prop(meta, 'kernelspec');
  const lang = ks && prop(ks, 'language');
  return typeof lang?.value === 'string' ? lang.value.toLowerCase() : 'python';
}
