/**
 * The output formats of `aigis scan` by name, with each formatter loaded on demand: the CLI imports
 * this module, not src/report/index.ts, so a run loads only the formatter it writes with (the html
 * formatter and its graph-layout library are most of the report code). The names are static, for
 * `--format` validation and help; src/report/index.ts keeps the eager map for the library API.
 */
import type { Formatter } from './formatter.js';

/** Every `--format` name, in help order. */
export const FORMAT_NAMES: readonly string[] = ['cyclonedx', 'html', 'json', 'jsonl', 'markdown', 'sarif', 'table'];

export function isFormatName(name: string): boolean {
  return FORMAT_NAMES.includes(name);
}

/** The formatter of a `--format` name, loaded on first use; undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  switch (name) {
    case 'cyclonedx':
      return (await import('./cyclonedx.js')).cyclonedx;
    case 'html':
      return (await import('./html/index.js')).html;
    case 'json':
      return (await import('./json.js')).json;
    case 'jsonl':
      return (await import('./jsonl.js')).jsonl;
    case 'markdown':
      return (await import('./markdown.js')).markdown;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'table':
      return (await import('./table.js')).table;
    default:
      return undefined;
  }
}
