import type { Formatter } from './formatter.js';

/** One finding per line (JSON Lines), for log pipelines and `aigis detect --follow`; notes go to stderr. */
export const jsonl: Formatter = (report) => report.findings.map((f) => JSON.stringify(f)).join('\n') + (report.findings.length ? '\n' : '');
