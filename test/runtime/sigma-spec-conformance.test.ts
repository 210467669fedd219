/**
 * Issue 14, Sigma semantics: each case quotes the section of the Sigma specification (v2.1.0: rules
 * specification, modifier appendix, correlation rules specification) that decides it.
 */
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/runtime/event.js';
import { DetectSession } from '../../src/runtime/session.js';
import { compileDetection } from '../../src/runtime/sigma/compile.js';
import { DetectionEngine, type Hit } from '../../src/runtime/sigma/engine.js';
import { loadRuleText } from '../../src/runtime/sigma/loader.js';

const m = (selection: unknown, event: unknown): boolean => compileDetection({ sel: selection, condition: 'sel' }, undefined).match(event);
const compileError = (selection: unknown): string => {
  try {
    compileDetection({ sel: selection, condition: 'sel' }, undefined);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('modifier appendix v2.1.0, Generic Modifiers: exists', () => {
  // "this check only verifies the presence of a field, not its value, be it empty or null"
  it('a field whose value is null or empty exists', () => {
    expect(m({ 'requestParameters|exists': true }, { requestParameters: null })).toBe(true);
    expect(m({ 'requestParameters|exists': false }, { requestParameters: null })).toBe(false);
    expect(m({ 'errorCode|exists': true }, { errorCode: '' })).toBe(true);
    expect(m({ 'tags|exists': true }, { tags: [] })).toBe(true);
    expect(m({ 'a.b|exists': true }, { a: { b: null } })).toBe(true);
  });
  it('an absent field does not exist', () => {
    expect(m({ 'requestParameters|exists': true }, { eventName: 'x' })).toBe(false);
    expect(m({ 'a.b|exists': true }, { a: null })).toBe(false);
    expect(m({ 'requestParameters|exists': false }, {})).toBe(true);
  });
  // "by providing a boolean value"
  it('a value other than a boolean is an error, not false', () => {
    expect(compileError({ 'errorCode|exists': 'yes' })).toContain('true or false');
    expect(compileError({ 'errorCode|exists': 'true' })).toContain('true or false');
    expect(compileError({ 'errorCode|exists': 1 })).toContain('true or false');
    expect(compileError({ 'errorCode|exists': [true, false] })).toContain('true or false');
  });
});

describe('modifier appendix v2.1.0, Generic and Numeric Modifiers: neq', () => {
  // "The field is different from the specified values. It's can be used with string or number."
  it('compares strings case-insensitively, as the plain comparison does', () => {
    expect(m({ 'eventSource|neq': 'S3.amazonaws.com' }, { eventSource: 's3.amazonaws.com' })).toBe(false);
    expect(m({ 'eventSource|neq': 's3.amazonaws.com' }, { eventSource: 'iam.amazonaws.com' })).toBe(true);
  });
  it('is different from every listed value', () => {
    expect(m({ 'eventName|neq': ['GetObject', 'PutObject'] }, { eventName: 'PutObject' })).toBe(false);
    expect(m({ 'eventName|neq': ['GetObject', 'PutObject'] }, { eventName: 'DeleteObject' })).toBe(true);
  });
  it('compares numbers as numbers', () => {
    expect(m({ 'code|neq': 403 }, { code: 403 })).toBe(false);
    expect(m({ 'code|neq': 403 }, { code: '403' })).toBe(false);
    expect(m({ 'code|neq': 403 }, { code: 200 })).toBe(true);
  });
  // "neq can be use with fieldref" (History, v2.1.0)
  it('combines with fieldref and cased', () => {
    expect(m({ 'a|fieldref|neq': 'b' }, { a: 'x', b: 'X' })).toBe(false);
    expect(m({ 'a|fieldref|neq': 'b' }, { a: 'x', b: 'y' })).toBe(true);
    expect(m({ 'a|cased|neq': 'X' }, { a: 'x' })).toBe(true);
  });
});

describe('modifier appendix v2.1.0: invalid combinations are errors (as pySigma)', () => {
  // "re sub-modifiers: i, m, s" — they exist only under `re`.
  it('i, m, s outside re', () => {
    expect(compileError({ 'a|i': 'x' })).toContain('sub-modifier of "re"');
    expect(compileError({ 'a|contains|m': 'x' })).toContain('sub-modifier of "re"');
  });
  // "The modifiers listed in this section can only be applied to string values": a regex is not one.
  it('re with a transformation or a position modifier', () => {
    expect(compileError({ 'a|windash|re': '-x' })).toContain('"re" cannot be combined with "windash"');
    expect(compileError({ 'a|re|base64': 'x' })).toContain('"re" cannot be combined with "base64"');
    expect(compileError({ 'a|contains|re': 'x' })).toContain('"re" cannot be combined with "contains"');
  });
  it('a wildcard in a fieldref value', () => {
    expect(compileError({ 'a|fieldref': 'user*' })).toContain('plain field name');
  });
  it('two position modifiers, or numeric with string modifiers', () => {
    expect(compileError({ 'a|contains|startswith': 'x' })).toContain('at most one');
    expect(compileError({ 'a|gt|contains': 1 })).toContain('compares numbers');
  });
  it('valid combinations still compile', () => {
    expect(compileError({ 'a|re|i': 'x' })).toBe('');
    expect(compileError({ 'a|contains|all|windash': ['-x', '-y'] })).toBe('');
    expect(compileError({ 'a|base64offset|contains': 'x' })).toBe('');
  });
});

describe('modifier appendix v2.1.0, Regular Expression: linear-time matching', () => {
  it('a catastrophic pattern on a long field answers at once (RE2)', () => {
    const bomb = m({ 'f|re': '(a+)+$' }, { f: 'a'.repeat(40) + '!' });
    expect(bomb).toBe(false);
    expect(m({ 'f|re': '(a+)+$' }, { f: 'a'.repeat(100_000) })).toBe(true);
  });
  it('look-around (outside the spec flavour) is refused with the reason', () => {
    const r = loadRuleText(`title: t\nlogsource: {product: aws}\ndetection:\n  s: {'f|re': '(?=a)'}\n  condition: s\n`, 'r.yml');
    expect(r.rules).toHaveLength(0);
    expect(r.problems[0]).toMatchObject({ kind: 'unsupported', message: expect.stringContaining('RE2') });
  });
});

// --- correlation rules specification ---

const base = `title: Invoke
name: invoke
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: InvokeModel}
  condition: s
---
title: List
name: list
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: ListFoundationModels}
  condition: s
`;
let seq = 0;
const T0 = Date.parse('2026-01-01T00:00:00Z');
function ev(name: string, minute: number, extra: Record<string, unknown> = {}) {
  const data = { eventSource: 'bedrock.amazonaws.com', eventName: name, eventID: `e${++seq}`, eventTime: new Date(T0 + minute * 60_000).toISOString(), userIdentity: { userName: 'alice' }, ...extra };
  return makeEvent('cloudtrail', data, `t#${seq}`);
}
function engine(correlation: string): DetectionEngine {
  const r = loadRuleText(`${base}---\ntitle: Correlation\nname: corr\ncorrelation:\n${correlation}`, 'c.yml');
  expect(r.problems).toEqual([]);
  return new DetectionEngine(r.rules);
}
const corr = (hits: Hit[]) => hits.filter((h) => h.type === 'correlation');
const run = (e: DetectionEngine, events: ReturnType<typeof ev>[]): Hit[] => corr([...events.flatMap((x) => e.process(x)), ...e.finish()]);

describe('correlation specification, Condition: upper bounds are judged when the window closes', () => {
  // "eq: The count must be equal the given value" — a fourth event in the window breaks "eq: 3".
  it('eq: 3 does not fire on a window that ends with 4 events', () => {
    const e = engine('  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {eq: 3}\n');
    expect(run(e, [ev('InvokeModel', 0), ev('InvokeModel', 1), ev('InvokeModel', 2), ev('InvokeModel', 3)])).toHaveLength(0);
  });
  it('eq: 3 fires once the window with exactly 3 events has closed', () => {
    const e = engine('  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {eq: 3}\n');
    const during = [ev('InvokeModel', 0), ev('InvokeModel', 1), ev('InvokeModel', 2)].flatMap((x) => corr(e.process(x)));
    expect(during).toHaveLength(0); // not yet: the window is still open
    // A later event of another group moves time past the window's end.
    const later = corr(e.process(ev('InvokeModel', 30, { userIdentity: { userName: 'bob' } })));
    expect(later).toHaveLength(1);
    expect(later[0].type === 'correlation' && later[0].count).toBe(3);
  });
  // "To define a range, you can use the conjunction 'AND' in the mapping" (gt: 100, lte: 200).
  it('a range fires only when the closed window lies inside it', () => {
    const rule = '  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {gt: 1, lte: 2}\n';
    expect(run(engine(rule), [ev('InvokeModel', 0), ev('InvokeModel', 1)])).toHaveLength(1);
    expect(run(engine(rule), [ev('InvokeModel', 0), ev('InvokeModel', 1), ev('InvokeModel', 2)])).toHaveLength(0);
    expect(run(engine(rule), [ev('InvokeModel', 0)])).toHaveLength(0);
  });
  it('lt alone counts the groups seen with fewer events', () => {
    const rule = '  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {lt: 2}\n';
    expect(run(engine(rule), [ev('InvokeModel', 0)])).toHaveLength(1);
    expect(run(engine(rule), [ev('InvokeModel', 0), ev('InvokeModel', 5)])).toHaveLength(0);
  });
  // v2.1.0 adds `neq` to the condition criteria.
  it('neq fires on a closed window whose count differs', () => {
    const rule = '  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {neq: 2}\n';
    expect(run(engine(rule), [ev('InvokeModel', 0), ev('InvokeModel', 1)])).toHaveLength(0);
    expect(run(engine(rule), [ev('InvokeModel', 0), ev('InvokeModel', 1), ev('InvokeModel', 2)])).toHaveLength(1);
  });
  it('a lower bound alone still fires at the event that reaches it', () => {
    const e = engine('  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {gte: 2}\n');
    expect(corr(e.process(ev('InvokeModel', 0)))).toHaveLength(0);
    expect(corr(e.process(ev('InvokeModel', 1)))).toHaveLength(1);
  });
});

describe('correlation specification, Value Count: distinct values as written', () => {
  // "counts values in a field": distinct values, exactly as the backends' distinct count (case-sensitive).
  it('case variants are distinct values (documented choice)', () => {
    const e = engine('  type: value_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 1h\n  condition: {field: requestParameters.modelId, gte: 2}\n');
    const hits = ['Claude', 'claude'].flatMap((id, i) => corr(e.process(ev('InvokeModel', i, { requestParameters: { modelId: id } }))));
    expect(hits).toHaveLength(1);
    const e2 = engine('  type: value_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 1h\n  condition: {field: requestParameters.modelId, gte: 2}\n');
    expect(['claude', 'claude'].flatMap((id, i) => corr(e2.process(ev('InvokeModel', i, { requestParameters: { modelId: id } }))))).toHaveLength(0);
  });
});

describe('correlation specification, Ordered Temporal Proximity', () => {
  // "requires in addition that the events appear in the order provided": one event cannot follow itself.
  const both = `title: Any bedrock
name: any
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventSource: bedrock.amazonaws.com}
  condition: s
`;
  const load = (type: string) => {
    const r = loadRuleText(`${base}---\n${both}---\ntitle: C\ncorrelation:\n  type: ${type}\n  rules: [any, invoke]\n  group-by: [userIdentity.userName]\n  timespan: 5m\n`, 'c.yml');
    return new DetectionEngine(r.rules);
  };
  it('is not satisfied by one event matching every rule', () => {
    expect(corr(load('temporal_ordered').process(ev('InvokeModel', 0)))).toHaveLength(0);
  });
  it('is satisfied by two distinct events in order', () => {
    const e = load('temporal_ordered');
    expect(corr([...e.process(ev('ListFoundationModels', 0)), ...e.process(ev('InvokeModel', 1))])).toHaveLength(1);
  });
  it('temporal (unordered) counts the rules one event matched (documented choice)', () => {
    expect(corr(load('temporal').process(ev('InvokeModel', 0)))).toHaveLength(1);
  });
});

describe('correlation specification, Generate: refused correlations keep their rules silent', () => {
  // "defines if the rules referred from the correlation rule should be converted as stand-alone rules
  // or if only the correlation query should be generated (default)."
  it('a correlation refused at load time silences the rules it references', () => {
    const r = loadRuleText(`${base}---\ntitle: Sum\ncorrelation:\n  type: value_sum\n  rules: [invoke]\n  timespan: 1h\n`, 'c.yml');
    expect(r.problems).toHaveLength(1);
    const s = new DetectSession(r.rules, { refused: r.problems });
    s.record(ev('InvokeModel', 0).data, 't');
    expect(s.findings).toHaveLength(0);
    s.record(ev('ListFoundationModels', 0).data, 't');
    expect(s.findings).toHaveLength(1); // a rule no correlation refers to still alerts
  });
  it('with generate: true the referenced rules alert on their own', () => {
    const r = loadRuleText(`${base}---\ntitle: Sum\ncorrelation:\n  type: value_sum\n  generate: true\n  rules: [invoke]\n  timespan: 1h\n`, 'c.yml');
    const s = new DetectSession(r.rules, { refused: r.problems });
    s.record(ev('InvokeModel', 0).data, 't');
    expect(s.findings).toHaveLength(1);
  });
  it('a chain that cannot be evaluated is an error naming the rule, and its parts stay silent', () => {
    const r = loadRuleText(
      `${base}---\ntitle: Inner\nname: inner\ncorrelation:\n  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.userName]\n  timespan: 1h\n  condition: {gte: 1}\n---\ntitle: Outer\nname: outer\ncorrelation:\n  type: temporal\n  rules: [inner, list]\n  group-by: [userIdentity.userName]\n  timespan: 1h\n`,
      'c.yml',
    );
    const s = new DetectSession(r.rules, { refused: r.problems });
    const notes = s.ruleNotes(r.problems);
    expect(notes.find((n) => n.message.includes('"outer" cannot be evaluated'))).toMatchObject({ level: 'error' });
    s.record(ev('InvokeModel', 0).data, 't');
    s.record(ev('ListFoundationModels', 0).data, 't');
    s.finish();
    expect(s.findings).toHaveLength(0);
  });
});

describe('rule loading: a billion-laughs rule is a note for that rule', () => {
  it('alias expansion beyond the limit is refused without an exception', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `title: lol\nlogsource: {product: aws}\n${lol.join('\n')}\ndetection:\n  s: {eventName: *j}\n  condition: s\n---\n${base}`;
    const r = loadRuleText(text, 'lol.yml');
    expect(r.problems).toEqual([expect.objectContaining({ file: 'lol.yml', kind: 'invalid', message: expect.stringContaining('YAML') })]);
    expect(r.rules).toHaveLength(2); // the other documents still load
  });
});
