import type { Formatter } from './formatter.js';
import { summarize } from './summary.js';

/**
 * The report as JSON: the `Report` of src/core/model.ts plus a derived `summary` (counts by
 * severity, suppressed, expired ignores). Schema: schemas/report.v1.schema.json, documented in
 * docs/json-schema.md and versioned by `schemaVersion`.
 */
export const json: Formatter = (report) => JSON.stringify({ ...report, summary: summarize(report) }, null, 2) + '\n';
