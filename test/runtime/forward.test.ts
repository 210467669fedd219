/**
 * The screening thread's stream (sources/forward.ts): splitting and screening through a Forwarder, then
 * replaying its batches into a RecordParser, must make exactly the calls one thread makes: the same
 * records with the same numbers, the same problems, the same counts, on hostile input too.
 */
import { describe, expect, it } from 'vitest';
import { DetectSession } from '../../src/runtime/session.js';
import { loadRuleText } from '../../src/runtime/sigma/loader.js';
import { Forwarder, replay, type Batch } from '../../src/runtime/sources/forward.js';
import { RecordParser, RecordSplitter } from '../../src/runtime/sources/json-records.js';

const RULES = loadRuleText(
  [
    'title: t\nid: 1\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s: {eventName: StopLogging}\n  condition: s\n',
    'title: r\nid: 2\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s: {userIdentity.type: Root}\n  condition: s\n',
  ].join('---\n'),
  'r.yml',
).rules;

type Seen = { origin: string; rec: unknown }[];

/** One thread: the splitter parses what the screen lets through. */
function oneThread(buf: Buffer, chunk: number, max?: number): { seen: Seen; stats: unknown; session: DetectSession } {
  const session = new DetectSession(RULES);
  const seen: Seen = [];
  const splitter: RecordSplitter = new RecordSplitter(
    (rec) => {
      seen.push({ origin: `in#${splitter.stats.records}`, rec });
      session.record(rec, `in#${splitter.stats.records}`);
    },
    max,
    session.screen,
  );
  for (let i = 0; i < buf.length; i += chunk) splitter.push(buf.subarray(i, i + chunk));
  splitter.end();
  return { seen, stats: structuredClone(splitter.stats), session };
}

/** Two stages: screen and forward (as the worker does), then replay the batches (as the main thread). */
function forwarded(buf: Buffer, chunk: number, max?: number): { seen: Seen; stats: unknown; session: DetectSession; batches: number } {
  const session = new DetectSession(RULES);
  const screening = new DetectSession(RULES); // the worker's own verdicts, counted apart
  const batches: Batch[] = [];
  const forwarder = new Forwarder(0, (b) => batches.push(structuredClone(b)));
  const splitter = new RecordSplitter(forwarder, max, screening.screen);
  for (let i = 0; i < buf.length; i += chunk) splitter.push(buf.subarray(i, i + chunk));
  splitter.end();
  const rest = forwarder.finish();
  const seen: Seen = [];
  const parser: RecordParser = new RecordParser((rec) => {
    seen.push({ origin: `in#${parser.stats.records}`, rec });
    session.record(rec, `in#${parser.stats.records}`);
  });
  for (const b of batches) replay(b, parser);
  parser.screened(rest);
  session.addScreened(screening.stats.events, screening.stats.unrecognised);
  return { seen, stats: parser.stats, session, batches: batches.length };
}

const ct = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ userIdentity: { type: 'IAMUser', arn: 'a' }, eventSource: 's.amazonaws.com', eventName: name, ...extra });

function corpus(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const r = i % 37;
    if (r === 0) lines.push(ct('StopLogging', { i }));
    else if (r === 1) lines.push('{"eventSource":"s","eventName":"Broken",'); // malformed
    else if (r === 2) lines.push('[1, 2]'); // not objects
    else if (r === 3) lines.push(JSON.stringify({ Records: [JSON.parse(ct('StopLogging', { i })), JSON.parse(ct('Describe'))] }));
    else if (r === 4) lines.push(ct('Stop\\u004cogging', { i })); // an escaped name: parsed
    else if (r === 5) lines.push(JSON.stringify({ userIdentity: { type: 'Root' }, eventSource: 's', eventName: 'ListBuckets', i }));
    else if (r === 6) lines.push(JSON.stringify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', auditID: `a${i}` }));
    else if (r === 7) lines.push(`{"note":"${'x'.repeat(300)}"}`); // longer than the small limit below
    else if (r === 8) lines.push('   ');
    else lines.push(ct('DescribeInstances', { i, note: 'ordinary' }));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

describe('screening on another thread (forward/replay)', () => {
  it('gives the same records, numbers, problems and counts as one thread, JSON lines', () => {
    const buf = corpus();
    for (const [chunk, max] of [
      [65536, undefined],
      [7, undefined],
      [4096, 200],
    ] as const) {
      const a = oneThread(buf, chunk, max);
      const b = forwarded(buf, chunk, max);
      expect(b.seen).toEqual(a.seen);
      expect(b.stats).toEqual(a.stats);
      expect(b.session.stats).toEqual(a.session.stats);
      expect(b.session.findings.map((f) => f.properties?.origin)).toEqual(a.session.findings.map((f) => f.properties?.origin));
    }
    // The corpus exercises every call: parsed records, problems and screened-out records.
    const a = oneThread(buf, 65536, 200);
    expect(a.session.findings.length).toBeGreaterThan(0);
    expect((a.stats as { malformed: number }).malformed).toBeGreaterThan(0);
    expect(a.session.stats.events).toBeGreaterThan(a.seen.length);
  });

  it('gives the same result on a {"Records":[…]} file, a truncated one and an unbalanced one', () => {
    const recs = Array.from({ length: 500 }, (_, i) => JSON.parse(ct(i % 50 ? 'GetObject' : 'StopLogging', { i })));
    const whole = JSON.stringify({ Records: recs });
    for (const text of [whole, whole.slice(0, whole.length - 1000), `${whole.slice(0, 5000)}]]]}`]) {
      const buf = Buffer.from(text);
      const a = oneThread(buf, 333);
      const b = forwarded(buf, 333);
      expect(b.seen).toEqual(a.seen);
      expect(b.stats).toEqual(a.stats);
      expect(b.session.stats).toEqual(a.session.stats);
    }
  });

  it('sends records larger than a batch on their own and keeps batches bounded', () => {
    const big = ct('StopLogging', { pad: 'p'.repeat(2 * 1024 * 1024) });
    const buf = Buffer.from(`${big}\n${ct('DescribeInstances')}\n${big}\n`);
    const a = oneThread(buf, 65536);
    const b = forwarded(buf, 65536);
    expect(b.seen).toEqual(a.seen);
    expect(b.session.findings).toHaveLength(2);
    expect(b.batches).toBeGreaterThanOrEqual(2);
  });
});
