import type { Formatter } from './formatter.js';

/** The report as JSON (schema documented in docs/json-schema.md, versioned by `schemaVersion`). */
export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
