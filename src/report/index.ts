import type { Formatter } from './formatter.js';
import { cyclonedx } from './cyclonedx.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { table } from './table.js';

/**
 * Every output format of `aigis scan`, by `--format` name, loaded eagerly (the library API's `render`).
 * The CLI loads only the formatter it writes with, through formats.ts.
 */
export const formatters: Record<string, Formatter> = {
  cyclonedx,
  html,
  json,
  jsonl,
  markdown,
  sarif,
  table,
};
