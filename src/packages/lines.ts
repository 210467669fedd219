/** Finding the line of a key or value in text formats whose parsers do not report positions. */
import { lineAt, lineStarts } from '../core/text.js';

export class LineFinder {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  lineOfOffset(offset: number): number {
    return lineAt(this.starts, Math.max(0, offset));
  }

  /** 1-based line of the first match of `re` at or after `from` (offset), else of the first match anywhere, else `fallback`. */
  find(re: RegExp, from = 0, fallback = 1): number {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    g.lastIndex = from;
    let m = g.exec(this.text);
    if (!m && from > 0) {
      g.lastIndex = 0;
      m = g.exec(this.text);
    }
    return m ? this.lineOfOffset(m.index) : fallback;
  }

  /** Offset of the first match of `re`, or -1. */
  offset(re: RegExp, from = 0): number {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    g.lastIndex = from;
    const m = g.exec(this.text);
    return m ? m.index : -1;
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
