/** Streaming sources: the record splitter, gzip, directories, malformed input. */
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/runtime/event.js';
import { DetectSession } from '../../src/runtime/session.js';
import { loadRuleText } from '../../src/runtime/sigma/loader.js';
import { resolveInputs } from '../../src/runtime/sources/inputs.js';
import { MAX_RECORD, RecordSplitter } from '../../src/runtime/sources/json-records.js';
import { readInput } from '../../src/runtime/sources/read.js';

function split(text: string | Buffer, chunk = 7, max?: number): { recs: Record<string, unknown>[]; splitter: RecordSplitter } {
  const recs: Record<string, unknown>[] = [];
  const splitter = new RecordSplitter((r) => recs.push(r), max);
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < buf.length; i += chunk) splitter.push(buf.subarray(i, i + chunk));
  splitter.end();
  return { recs, splitter };
}

const tricky = { eventName: 'A"}]', eventSource: 's', note: 'back\\slash \\"quoted\\" {[', nested: { Records: [1, 2], list: [{ a: '}' }] } };

describe('RecordSplitter', () => {
  it('yields each record of a CloudTrail {"Records":[…]} file, at every chunk size', () => {
    const text = JSON.stringify({ Records: [tricky, { eventName: 'B', eventSource: 's' }, { eventName: 'C', eventSource: 's' }] });
    for (const chunk of [1, 2, 3, 5, 16, 1024]) {
      const { recs, splitter } = split(text, chunk);
      expect(recs.map((r) => r.eventName)).toEqual(['A"}]', 'B', 'C']);
      expect(recs[0]).toEqual(tricky);
      expect(splitter.stats.malformed).toBe(0);
    }
  });
  it('handles pretty-printed wrappers, other keys before Records, and a top-level array', () => {
    const pretty = JSON.stringify({ Other: { Records: 'no' }, Records: [{ eventName: 'X', eventSource: 's' }] }, null, 2);
    expect(split(pretty).recs.map((r) => r.eventName)).toEqual(['X']);
    expect(split(JSON.stringify([{ a: 1 }, { a: 2 }]), 3).recs).toEqual([{ a: 1 }, { a: 2 }]);
  });
  it('reads JSON lines and counts malformed lines without stopping', () => {
    const text = '{"a":1}\n\n{"a":2\n{"a":3}\r\nnot json\n{"a":4}';
    const { recs, splitter } = split(text, 4);
    expect(recs).toEqual([{ a: 1 }, { a: 3 }, { a: 4 }]);
    expect(splitter.stats.malformed).toBe(2);
  });
  it('reads JSON lines whose lines are whole CloudTrail files', () => {
    const text = `${JSON.stringify({ Records: [{ a: 1 }, { a: 2 }] })}\n${JSON.stringify({ Records: [{ a: 3 }] })}\n`;
    expect(split(text, 64).recs).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });
  it('reports a truncated file and keeps the complete records', () => {
    const text = JSON.stringify({ Records: [{ a: 1 }, { a: 2 }] }).slice(0, -8);
    const { recs, splitter } = split(text);
    expect(recs).toEqual([{ a: 1 }]);
    expect(splitter.stats.malformed).toBe(1);
    expect(splitter.stats.problems[0]).toContain('truncated');
  });
  it('reports non-object elements and a corrupt record between good ones', () => {
    const { recs, splitter } = split('[{"a":1}, 5, {"a":tru}, {"a":2}]');
    expect(recs).toEqual([{ a: 1 }, { a: 2 }]);
    expect(splitter.stats.malformed).toBe(2);
  });
  it('skips a record larger than the limit (one chunk of slack) and continues with the next', () => {
    expect(MAX_RECORD).toBeGreaterThanOrEqual(1024 * 1024);
    const big = `{"Records":[{"a":"${'a'.repeat(300)}"},{"b":2}]}`;
    const { recs, splitter } = split(big, 16, 100);
    expect(recs).toEqual([{ b: 2 }]);
    expect(splitter.stats.malformed).toBe(1);
    const lines = split(`{"a":"${'a'.repeat(300)}"}\n{"b":2}\n`, 16, 100);
    expect(lines.recs).toEqual([{ b: 2 }]);
  });
  // Issue 9: one 150 MB JSON string through detect cost 666 MB and quadratic time. The same shapes at a
  // small limit: the work (bytes copied) stays linear in the input and the buffer within ~2× the limit.
  it('skips one huge string in every framing with linear work and bounded memory, then goes on', () => {
    const max = 64 * 1024;
    const body = 'a'.repeat(2 * 1024 * 1024);
    const cases: [string, unknown[]][] = [
      [`"${body}"\n{"eventName":"after"}\n`, [{ eventName: 'after' }]],
      [`{"Records":[{"a":"${body}"},{"eventName":"after"}]}`, [{ eventName: 'after' }]],
      [`[{"a":"${body}"},{"eventName":"after"}]`, [{ eventName: 'after' }]],
      [`{"a":"${body}"}\n{"eventName":"after"}\n`, [{ eventName: 'after' }]],
      [`{"a":"${body.slice(0, 1000)}\\\\${body}"}\n{"eventName":"after"}\n`, [{ eventName: 'after' }]],
    ];
    for (const [text, want] of cases) {
      const { recs, splitter } = split(text, 4096, max);
      expect(recs).toEqual(want);
      expect(splitter.stats.malformed).toBe(1);
      expect(splitter.stats.problems[0]).toMatch(/longer than/);
      expect(splitter.copied).toBeLessThan(4 * text.length);
      expect(splitter.peak).toBeLessThanOrEqual(2 * (max + 4096) + 64 * 1024);
    }
  });
  it('reads a single pretty-printed event and concatenated objects', () => {
    const one = JSON.stringify({ kind: 'Event', auditID: 'x', objectRef: { resource: 'pods' } }, null, 2);
    expect(split(one).recs).toEqual([{ kind: 'Event', auditID: 'x', objectRef: { resource: 'pods' } }]);
    expect(split(`${one}\n${one}`).recs).toHaveLength(2);
  });
  it('keeps memory bounded by one record while streaming a large wrapper', () => {
    const recs: unknown[] = [];
    const splitter = new RecordSplitter((r) => recs.push(r));
    splitter.push(Buffer.from('{"Records":['));
    const rec = Buffer.from(JSON.stringify({ eventName: 'X', eventSource: 's', pad: 'y'.repeat(500) }) + ',');
    let maxBuffered = 0;
    for (let i = 0; i < 2000; i++) {
      splitter.push(rec);
      maxBuffered = Math.max(maxBuffered, (splitter as unknown as { buf: Buffer }).buf.length);
    }
    splitter.push(Buffer.from('{"eventName":"last","eventSource":"s"}]}'));
    splitter.end();
    expect(recs).toHaveLength(2001);
    expect(maxBuffered).toBeLessThan(rec.length * 2);
  });
});

describe('classify', () => {
  it('recognises CloudTrail, Kubernetes audit and Falco records', () => {
    expect(classify({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' })).toBe('cloudtrail');
    expect(classify({ kind: 'Event', apiVersion: 'audit.k8s.io/v1', auditID: 'x' })).toBe('k8s-audit');
    expect(classify({ rule: 'Terminal shell in container', output: 'x', priority: 'Notice' })).toBe('falco');
    expect(classify({ hello: 'world' })).toBeUndefined();
  });
});

describe('inputs', () => {
  const rules = loadRuleText('title: t\nid: 1\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s: {eventName: StopLogging}\n  condition: s\n', 'r.yml').rules;
  const trail = (name: string, id: string) => JSON.stringify({ Records: [{ eventSource: 'cloudtrail.amazonaws.com', eventName: name, eventID: id, eventTime: '2026-01-01T00:00:00Z' }] });

  it('walks a CloudTrail S3 directory layout, gunzips by magic bytes and skips digests and symlinks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aigis-ct-'));
    const day = join(root, 'AWSLogs', '123456789012', 'CloudTrail', 'us-east-1', '2026', '01', '01');
    mkdirSync(day, { recursive: true });
    writeFileSync(join(day, '123_CloudTrail_us-east-1_a.json.gz'), gzipSync(trail('StopLogging', 'e1')));
    writeFileSync(join(day, '123_CloudTrail_us-east-1_b.json'), trail('StopLogging', 'e2'));
    // gzip content under a plain .json name is still read
    writeFileSync(join(day, '123_CloudTrail_us-east-1_c.json'), gzipSync(trail('StopLogging', 'e3')));
    const digest = join(root, 'AWSLogs', '123456789012', 'CloudTrail-Digest', 'us-east-1');
    mkdirSync(digest, { recursive: true });
    writeFileSync(join(digest, 'd.json.gz'), gzipSync(trail('StopLogging', 'digest')));
    const outside = mkdtempSync(join(tmpdir(), 'aigis-out-'));
    writeFileSync(join(outside, 'x.json'), trail('StopLogging', 'outside'));
    symlinkSync(join(outside, 'x.json'), join(day, 'link.json'));
    const inputs = resolveInputs([root]);
    expect(inputs).toHaveLength(3);
    const session = new DetectSession(rules);
    for (const i of inputs) await readInput(session, i);
    expect(session.findings.flatMap((f) => f.location.eventIds).sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('turns a corrupt gzip file into a note and goes on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aigis-gz-'));
    const gz = gzipSync(trail('StopLogging', 'e1'));
    writeFileSync(join(root, 'a.json.gz'), gz.subarray(0, gz.length - 12));
    writeFileSync(join(root, 'b.json'), trail('StopLogging', 'e2'));
    const session = new DetectSession(rules);
    for (const i of resolveInputs([root])) await readInput(session, i);
    expect(session.findings.flatMap((f) => f.location.eventIds)).toEqual(['e2']);
    expect(session.notes.length).toBeGreaterThan(0);
  });
});

describe('hostile input', () => {
  const rules = loadRuleText('title: t\nid: 1\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s: {eventName: StopLogging}\n  k: [evil]\n  condition: s or k\n', 'r.yml').rules;
  const feed = (text: string | Buffer): DetectSession => {
    const s = new DetectSession(rules);
    const splitter = new RecordSplitter((r) => s.record(r, 'x'), undefined, s.screen);
    splitter.push(typeof text === 'string' ? Buffer.from(text) : text);
    splitter.end();
    s.inputDone('x', splitter.stats);
    return s;
  };
  it('survives binary garbage, deep nesting and empty input', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(() => feed(garbage)).not.toThrow();
    const deep = `{"eventSource":"x","eventName":"StopLogging","d":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n`;
    const s = feed(deep);
    expect(s.stats.malformed + s.findings.length).toBeGreaterThan(0);
    const deepObj = `{"eventSource":"x","eventName":"Other","evil":1,"d":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}\n`;
    expect(() => feed(deepObj)).not.toThrow();
    expect(feed('').stats.events).toBe(0);
    expect(feed('\n\n   \n').stats.malformed).toBe(0);
  });
});
