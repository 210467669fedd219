/**
 * Runtime alerts: falcosidekick's webhook output (one Falco event per request: output, priority, rule,
 * time, output_fields, hostname, tags) and `aigis detect` output (the JSON report, or `-f jsonl`
 * findings one per line). Everything else is a 400 naming what was expected.
 */
import type { Severity } from '../../core/model.js';
import { normalizeAigis, severityOf, validDate } from './aigis.js';
import { MAX_ALERTS } from './limits.js';
import { clean, cleanJson, cleanShort } from './redact.js';
import { IngestError, type StoredAlert } from './types.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Falco priorities (syslog levels) → aigis severities. */
const PRIORITY: Record<string, Severity> = {
  emergency: 'critical',
  alert: 'critical',
  critical: 'critical',
  error: 'high',
  warning: 'medium',
  notice: 'low',
  informational: 'info',
  info: 'info',
  debug: 'info',
};

export function falcoAlert(raw: unknown, where = 'falco event'): StoredAlert {
  if (!isObject(raw)) throw new IngestError(400, `${where}: expected a JSON object`);
  if (typeof raw.rule !== 'string' || !raw.rule) throw new IngestError(400, `${where}: "rule" is required`);
  if (typeof raw.output !== 'string') throw new IngestError(400, `${where}: "output" is required`);
  const at = validDate(raw.time);
  if (!at) throw new IngestError(400, `${where}: "time" must be an RFC 3339 timestamp`);
  const priority = typeof raw.priority === 'string' ? raw.priority.toLowerCase() : '';
  return {
    source: 'falco',
    rule: cleanShort(raw.rule)!,
    severity: PRIORITY[priority] ?? 'medium',
    message: clean(raw.output) ?? '',
    at,
    hostname: cleanShort(raw.hostname),
    fields: (cleanJson({ output_fields: raw.output_fields ?? {}, tags: raw.tags ?? [], source: raw.source ?? 'syscall', priority: raw.priority, uuid: raw.uuid }) ?? {}) as Json,
  };
}

/** The body of POST /api/v1/alerts: a Falco event, an array of them, an aigis detect report, or detect JSON lines. */
export function parseAlerts(body: string): StoredAlert[] {
  const trimmed = body.trim();
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return jsonLines(trimmed);
  }
  if (Array.isArray(doc)) {
    if (doc.length > MAX_ALERTS) throw new IngestError(400, `more than ${MAX_ALERTS} alerts`);
    return doc.map((e, i) => falcoAlert(e, `alerts[${i}]`));
  }
  if (isObject(doc) && isObject(doc.tool) && doc.tool.name === 'aigis') {
    if (doc.command !== 'detect') throw new IngestError(400, `an aigis "${String(doc.command)}" report is not runtime alerts: upload it to /api/v1/reports`);
    return normalizeAigis(doc).alerts;
  }
  if (isObject(doc) && typeof doc.ruleId === 'string') return [detectLine(doc, 'line 1')];
  return [falcoAlert(doc)];
}

function jsonLines(text: string): StoredAlert[] {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length > MAX_ALERTS) throw new IngestError(400, `more than ${MAX_ALERTS} alerts`);
  return lines.map((line, i) => {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (err) {
      throw new IngestError(400, `malformed JSON on line ${i + 1}: ${(err as Error).message.slice(0, 200)}`);
    }
    return isObject(v) && typeof v.ruleId === 'string' ? detectLine(v, `line ${i + 1}`) : falcoAlert(v, `line ${i + 1}`);
  });
}

/** One `aigis detect -f jsonl` finding. */
function detectLine(f: Json, where: string): StoredAlert {
  const props = isObject(f.properties) ? f.properties : {};
  const at = validDate(props.time ?? props.timestamp ?? props.eventTime);
  if (!at) throw new IngestError(400, `${where}: detect finding without a time in properties`);
  return {
    source: 'aigis-detect',
    rule: cleanShort(f.ruleId)!,
    severity: severityOf(f.severity),
    message: clean(f.message) ?? '',
    at,
    fields: (cleanJson({ fingerprint: f.stableFingerprint ?? f.fingerprint, location: f.location, ...props }) ?? {}) as Json,
  };
}
