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

function run(rules: ReturnType<typeof loadBuiltinRules>['rules'], texts: string[], screened: boolean): string[] {
  const s = new DetectSession(rules);
  const splitter: RecordSplitter = new RecordSplitter((r) => s.record(r, `x#${splitter.stats.records}`), undefined, screened ? s.screen : undefined);
  for (const t of texts) splitter.push(Buffer.from(t));
  splitter.end();
  return s.findings.map((f) => `${f.ruleId} ${f.location.eventIds?.join(',')}`).sort();
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
