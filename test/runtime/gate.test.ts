/** Literal gates (skip JSON.parse for records no rule can match) must never change the result. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/runtime/builtin-rules.js';
import { DetectSession } from '../../src/runtime/session.js';
import { itemGate, regexLiteral } from '../../src/runtime/sigma/gate.js';
import { loadRulePath } from '../../src/runtime/sigma/loader.js';
import { RecordSplitter } from '../../src/runtime/sources/json-records.js';
import { ALICE, ct } from './fixtures.js';
import { corpus } from './shared-corpora.js';
import { prng } from '../support/prng.js';

describe('gates', () => {
  it('takes the longest literal of each value; lists are alternatives, `all` needs one', () => {
    expect(itemGate('eventName', ['StopLogging', 'DeleteTrail'])).toEqual(['stoplogging', 'deletetrail']);
    expect(itemGate('ua|contains', 'Boto3*Linux/6')).toEqual(['linux/6']);
    expect(itemGate('cmd|contains|all', ['curl', 'bash -i'])).toEqual(['bash -i']);
    expect(itemGate('x|exists', true)).toEqual(undefined); // 'x' is too short to be a useful key literal
    expect(itemGate('userIdentity.invokedBy|exists', true)).toEqual(['invokedby']);
  });
  it('gives no gate where the raw text may differ from the value', () => {
    expect(itemGate('code', 403)).toBeUndefined();
    expect(itemGate('code', '403')).toBeUndefined();
    expect(itemGate('a', null)).toBeUndefined();
    expect(itemGate('a', ['ok-value', null])).toBeUndefined();
    expect(itemGate('a|exists', false)).toBeUndefined();
    expect(itemGate('ip|cidr', '10.0.0.0/8')).toBeUndefined();
    expect(itemGate('p|base64offset|contains', 'http://')).toBeUndefined();
    expect(itemGate('a', 'x"y"z')).toBeUndefined();
    expect(itemGate('a', '*')).toBeUndefined();
  });
  it('extracts a required literal from a regex only when it is certain', () => {
    expect(regexLiteral('.+:assumed-role/aws:.+')).toBe(':assumed-role/aws:');
    expect(regexLiteral('a|bcdef')).toBeUndefined();
    expect(regexLiteral('(?:optional)?xy')).toBeUndefined();
    expect(regexLiteral('abcd?ef')).toBe('abc');
    expect(regexLiteral('[abc]defg\\.com')).toBe('defg.com');
  });
});

function session(rules: ReturnType<typeof loadBuiltinRules>['rules'], texts: string[], screened: boolean, source?: 'cloudtrail'): DetectSession {
  const s = new DetectSession(rules, { source });
  const splitter: RecordSplitter = new RecordSplitter((r) => s.record(r, `x#${splitter.stats.records}`), undefined, screened ? s.screen : undefined);
  for (const t of texts) splitter.push(Buffer.from(t));
  splitter.end();
  return s;
}

function run(rules: ReturnType<typeof loadBuiltinRules>['rules'], texts: string[], screened: boolean, source?: 'cloudtrail'): string[] {
  return session(rules, texts, screened, source).findings.map((f) => `${f.ruleId} ${f.location.eventIds?.join(',')}`).sort();
}

describe('screening never changes the alerts', () => {
  const rules = [...loadBuiltinRules().rules, ...loadRulePath(corpus('sigma')).rules];
  it('on the Stratus Red Team captures and the example logs', () => {
    const dir = corpus('stratus-cloudtrail');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown[]).map((r) => JSON.stringify(r) + '\n'));
    const logs = join(__dirname, '../../examples/ai-lab/logs');
    texts.push(readFileSync(join(logs, 'k8s-audit.jsonl'), 'utf8'), readFileSync(join(logs, 'falco.jsonl'), 'utf8'));
    const full = run(rules, texts, false);
    expect(full.length).toBeGreaterThan(20);
    expect(run(rules, texts, true)).toEqual(full);
  });
  it('on records with escapes, odd spacing and look-alike keys', () => {
    const root = { ...ALICE, type: 'Root', arn: 'arn:aws:iam::111122223333:root' };
    const texts = [
      JSON.stringify(ct('cloudtrail', 'StopLogging')).replace('"StopLogging"', '"Stop\\u004cogging"') + '\n',
      JSON.stringify(ct('iam', 'ListUsers', { userIdentity: root }), null, 1).replace(/\n/g, ' ') + '\n',
      JSON.stringify(ct('iam', 'ListUsers', { requestParameters: { eventName: 'StopLogging' }, userIdentity: root })) + '\n',
      JSON.stringify({ eventName: 'StopLogging', note: 'eventSource', eventSource: 'cloudtrail.amazonaws.com' }) + '\n',
      JSON.stringify(ct('iam', 'ListUsers', { userIdentity: { ...root, type: 'ROOT' } })) + '\n',
      '{"eventSource" : "cloudtrail.amazonaws.com", "eventName" :\t"StopLogging", "eventID": "spaced"}\n',
    ];
    const full = run(rules, texts, false);
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect(run(rules, texts, true)).toEqual(full);
  });
});

/**
 * JSON text for a value with the freedoms JSON allows: any member order, whitespace, and any character
 * of a key or string written as a \\u escape. `dup` adds members after an object's own (duplicate keys:
 * JSON.parse keeps the last).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
function serialise(v: Json, rnd: () => number, escapeP: number, depth = 0): string {
  const ws = (): string => (rnd() < 0.15 ? [' ', '\t', '\r\n ', '  '][Math.floor(rnd() * 4)] : '');
  const str = (x: string): string =>
    '"' +
    [...JSON.stringify(x).slice(1, -1)]
      .map((c) => (/[A-Za-z]/.test(c) && rnd() < escapeP ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
      .join('') +
    '"';
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : JSON.stringify(v);
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => serialise(x, rnd, escapeP, depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
  const entries = Object.entries(v);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return `{${ws()}${entries.map(([k, x]) => `${str(k)}${ws()}:${ws()}${serialise(x, rnd, escapeP, depth + 1)}`).join(`${ws()},${ws()}`)}${ws()}}`;
}

describe('the pre-parse screen never drops a match (randomised)', () => {
  const rules = [...loadBuiltinRules().rules, ...loadRulePath(corpus('sigma')).rules];
  const root = { ...ALICE, type: 'Root', arn: 'arn:aws:iam::111122223333:root' };
  const noMfa = { additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' } };
  // Events that alert (each a rule of the built-in pack) and quiet ones, as plain objects.
  const bases = (): Record<string, Json>[] => [
    ct('signin', 'ConsoleLogin', noMfa) as Record<string, Json>,
    ct('cloudtrail', 'StopLogging') as Record<string, Json>,
    ct('iam', 'ListUsers', { userIdentity: root }) as Record<string, Json>,
    ct('bedrock', 'PutUseCaseForModelAccess') as Record<string, Json>,
    ct('s3', 'DeleteBucketEncryption') as Record<string, Json>,
    ct('ec2', 'DescribeInstances') as Record<string, Json>,
    ct('widgets', 'DescribeWidgets') as Record<string, Json>,
    ct('s3', 'GetObject', { requestParameters: { bucketName: 'b', key: 'k' } }) as Record<string, Json>,
  ];
  /** Variants that move, hide or duplicate what the screen reads. */
  const variants: ((r: Record<string, Json>) => Record<string, Json> | string)[] = [
    (r) => r,
    (r) => ({ ...r, eventName: String(r.eventName).toUpperCase() }),
    (r) => ({ ...r, userIdentity: [r.userIdentity as Json] }),
    (r) => ({ ...r, requestParameters: { eventName: 'StopLogging', userIdentity: root } }),
    (r) => {
      const { userIdentity, ...rest } = r;
      return { ...rest, 'userIdentity.type': (userIdentity as { type: string }).type };
    },
    (r) => {
      const { userIdentity, ...rest } = r;
      return { ...rest, userIdentity: { ...(userIdentity as object), type: { nested: 'Root' } } };
    },
    // Duplicate keys after the record's own members: JSON.parse keeps the last.
    (r) => JSON.stringify({ ...r, eventName: 'DescribeInstances' }).slice(0, -1) + `,"eventName":${JSON.stringify(r.eventName)}}`,
    (r) => JSON.stringify(r).slice(0, -1) + ',"event\\u004eame":"StopLogging"}',
    (r) => JSON.stringify(r).slice(0, -1) + ',"user\\u0049dentity":{"type":"Root"}}',
    (r) => JSON.stringify({ ...r, userIdentity: ALICE }).slice(0, -1) + ',"userIdentity":{"type":"Root","arn":"arn:aws:iam::111122223333:root"}}',
    (r) => JSON.stringify({ ...r, eventSource: 1 }).slice(0, -1) + `,"eventSource":${JSON.stringify(r.eventSource)}}`,
    (r) => JSON.stringify(r).replace('"eventName":', '"eventName" :\t'),
  ];

  it.each([
    ['the built-in pack', loadBuiltinRules().rules],
    ['the built-in pack and the SigmaHQ CloudTrail rules', rules],
  ])('gives the alerts and event counts of a full parse, for any member order, spacing, escape or duplicate (%s)', (_, rules) => {
    const rnd = prng(20261202);
    const texts: string[] = [];
    for (let round = 0; round < 40; round++) {
      for (const base of bases()) {
        for (const variant of variants) {
          const v = variant(base);
          const escapeP = round % 4 === 0 ? 0 : round % 4 === 1 ? 0.02 : round % 4 === 2 ? 0.2 : 1;
          texts.push((typeof v === 'string' ? v : serialise(v, rnd, escapeP)) + '\n');
        }
      }
    }
    const full = session(rules, texts, false);
    const screened = session(rules, texts, true);
    const alerts = (s: DetectSession): string[] => s.findings.map((f) => `${f.ruleId} ${f.location.eventIds?.join(',')}`).sort();
    expect(full.findings.length).toBeGreaterThan(300);
    expect(alerts(screened)).toEqual(alerts(full));
    expect({ events: screened.stats.events, unrecognised: screened.stats.unrecognised, malformed: screened.stats.malformed }).toEqual({
      events: full.stats.events,
      unrecognised: full.stats.unrecognised,
      malformed: full.stats.malformed,
    });
    // With the kind forced (--source cloudtrail) too.
    expect(run(rules, texts, true, 'cloudtrail')).toEqual(run(rules, texts, false, 'cloudtrail'));
  });

  it('decodes escapes before matching: an escaped name, key or identity type still alerts', () => {
    const texts = [
      JSON.stringify(ct('signin', 'ConsoleLogin', noMfa)).replace('"ConsoleLogin"', '"Console\\u004cogin"') + '\n',
      JSON.stringify(ct('widgets', 'DescribeWidgets')).slice(0, -1) + ',"event\\u004eame":"StopLogging","eventSource":"cloudtrail.amazonaws.com"}\n',
      JSON.stringify(ct('widgets', 'DescribeWidgets', { userIdentity: root })).replace('"Root"', '"R\\u006fot"') + '\n',
    ];
    const got = run(rules, texts, true);
    expect(got.some((a) => a.startsWith('detect/console-login-without-mfa '))).toBe(true);
    expect(got.some((a) => a.startsWith('detect/cloudtrail-logging-stopped '))).toBe(true);
    expect(got.some((a) => a.startsWith('detect/root-account-activity '))).toBe(true);
    expect(got).toEqual(run(rules, texts, false));
  });
});
