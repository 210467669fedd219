import type { Formatter } from './formatter.js';
import { cyclonedx } from './cyclonedx.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { table } from './table.js';

/** Every output format of `aigis scan`, by `--format` name. */
export const formatters: Record<string, Formatter> = {
  cyclonedx,
  json,
  markdown,
  sarif,
  table,
};
