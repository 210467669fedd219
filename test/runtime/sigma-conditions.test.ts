/** The Sigma condition language (rules specification, "Condition"), and the loader's error reporting. */
import { describe, expect, it } from 'vitest';
import { compileDetection } from '../../src/runtime/sigma/compile.js';
import { SigmaSyntaxError, SigmaUnsupportedError } from '../../src/runtime/sigma/errors.js';
import { loadRulePath, loadRuleText } from '../../src/runtime/sigma/loader.js';
import { corpus } from './shared-corpora.js';

const det = { a: { x: '1' }, b: { y: '1' }, sel_1: { p: '1' }, sel_2: { q: '1' }, _hidden: { h: '1' } };
const run = (condition: string | string[], ev: Record<string, string>): boolean => compileDetection({ ...det, condition }, undefined).match(ev);

describe('condition operators', () => {
  it('and / or / not', () => {
    expect(run('a and b', { x: '1', y: '1' })).toBe(true);
    expect(run('a and b', { x: '1' })).toBe(false);
    expect(run('a or b', { y: '1' })).toBe(true);
    expect(run('a or b', {})).toBe(false);
    expect(run('a and not b', { x: '1' })).toBe(true);
    expect(run('a and not b', { x: '1', y: '1' })).toBe(false);
  });
  it('binds not tighter than and, and tighter than or', () => {
    // a or (b and (not sel_1))
    expect(run('a or b and not sel_1', { x: '1', p: '1' })).toBe(true);
    expect(run('a or b and not sel_1', { y: '1', p: '1' })).toBe(false);
    expect(run('not a and b', { y: '1' })).toBe(true);
    expect(run('not a and b', { x: '1', y: '1' })).toBe(false);
  });
  it('parentheses override precedence', () => {
    expect(run('(a or b) and sel_1', { y: '1', p: '1' })).toBe(true);
    expect(run('(a or b) and sel_1', { y: '1' })).toBe(false);
    expect(run('not (a or b)', {})).toBe(true);
    expect(run('not (a or b)', { x: '1' })).toBe(false);
  });
  it('accepts upper-case operators', () => {
    expect(run('a AND NOT b', { x: '1' })).toBe(true);
  });
  it('1 of / any of / all of a wildcard pattern', () => {
    expect(run('1 of sel_*', { q: '1' })).toBe(true);
    expect(run('any of sel_*', { q: '1' })).toBe(true);
    expect(run('1 of sel_*', { x: '1' })).toBe(false);
    expect(run('all of sel_*', { p: '1', q: '1' })).toBe(true);
    expect(run('all of sel_*', { p: '1' })).toBe(false);
  });
  it('them covers every identifier except those starting with _', () => {
    expect(run('1 of them', { h: '1' })).toBe(false);
    expect(run('1 of them', { y: '1' })).toBe(true);
    expect(run('all of them', { x: '1', y: '1', p: '1', q: '1' })).toBe(true);
    expect(run('all of them', { x: '1', y: '1', p: '1' })).toBe(false);
  });
  it('a list of conditions is OR-ed', () => {
    expect(run(['a and b', 'sel_1'], { p: '1' })).toBe(true);
    expect(run(['a and b', 'sel_1'], { x: '1' })).toBe(false);
  });
});

describe('condition errors', () => {
  it('rejects an undefined identifier', () => {
    expect(() => run('a and missing', {})).toThrow(SigmaSyntaxError);
  });
  it('rejects a pattern that matches nothing', () => {
    expect(() => run('1 of filter_*', {})).toThrow(/matches no search identifier/);
  });
  it('names deprecated aggregations and near as unsupported', () => {
    expect(() => run('a | count() by x > 5', {})).toThrow(SigmaUnsupportedError);
    expect(() => run('a | count() by x > 5', {})).toThrow(/aggregation/);
    expect(() => run('a near b', {})).toThrow(SigmaSyntaxError);
  });
  it('rejects unbalanced parentheses', () => {
    expect(() => run('(a or b', {})).toThrow(/expected "\)"/);
  });
});

describe('index keys', () => {
  it('derives the eventName values a rule requires', () => {
    const c = compileDetection({ s: { eventName: ['StopLogging', 'DeleteTrail'] }, f: { errorCode: 'x' }, condition: 's and not f' }, 'eventName');
    expect(c.indexKeys?.sort()).toEqual(['deletetrail', 'stoplogging']);
  });
  it('leaves a rule unindexed when the field is optional or wildcarded', () => {
    expect(compileDetection({ s: { eventName: 'Stop*' }, condition: 's' }, 'eventName').indexKeys).toBeUndefined();
    expect(compileDetection({ s: { eventName: 'A' }, t: { x: '1' }, condition: 's or t' }, 'eventName').indexKeys).toBeUndefined();
    expect(compileDetection({ s: { eventName: 'A' }, condition: 'not s' }, 'eventName').indexKeys).toBeUndefined();
  });
});

describe('loader', () => {
  it('loads every SigmaHQ CloudTrail and Kubernetes audit rule unchanged', () => {
    const r = loadRulePath(corpus('sigma'));
    expect(r.problems).toEqual([]);
    expect(r.rules.length).toBe(73);
    expect(r.rules.every((x) => x.type === 'detection' && x.kind !== undefined)).toBe(true);
  });
  const rule = (detection: string): string => `title: t\nid: 11111111-1111-4111-8111-111111111111\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n${detection}\n`;
  it('names unsupported modifiers precisely', () => {
    const r = loadRuleText(rule('  s:\n    a|expand: "%Servers%"\n  condition: s'), 'x.yml');
    expect(r.rules).toHaveLength(0);
    expect(r.problems[0]).toMatchObject({ kind: 'unsupported', ruleId: '11111111-1111-4111-8111-111111111111' });
    expect(r.problems[0].message).toContain('modifier "expand"');
    const r2 = loadRuleText(rule('  s:\n    a|minute: 5\n  condition: s'), 'x.yml');
    expect(r2.problems[0].message).toContain('modifier "minute"');
    const r3 = loadRuleText(rule('  s:\n    a|frobnicate: 5\n  condition: s'), 'x.yml');
    expect(r3.problems[0].message).toContain('modifier "frobnicate"');
  });
  it('reports invalid YAML and missing conditions, and keeps loading the other documents', () => {
    const text = `${rule('  s:\n    a: 1')}---\n${rule('  s:\n    a: 1\n  condition: s')}`;
    const r = loadRuleText(text, 'x.yml');
    expect(r.rules).toHaveLength(1);
    expect(r.problems[0].message).toContain('no condition');
    expect(loadRuleText('title: [unclosed', 'y.yml').problems[0].message).toMatch(/YAML/);
  });
  it('loads correlation rules with their timespan and condition', () => {
    const text = `title: c\nname: many\ncorrelation:\n  type: event_count\n  rules: [base]\n  group-by: [user]\n  timespan: 90m\n  condition:\n    gte: 3\n`;
    const r = loadRuleText(text, 'c.yml');
    expect(r.rules[0]).toMatchObject({ type: 'correlation', correlationType: 'event_count', timespanMs: 90 * 60_000, groupBy: ['user'], condition: { gte: 3 } });
  });
  it('names unsupported correlation features', () => {
    const bad = (c: string): string => loadRuleText(`title: c\ncorrelation:\n${c}`, 'c.yml').problems[0]?.message ?? '';
    expect(bad('  type: value_sum\n  rules: [a]\n  timespan: 1h\n')).toContain('correlation type "value_sum"');
    expect(bad('  type: event_count\n  rules: [a]\n  timespan: 1h\n')).toContain('needs a condition');
    expect(bad('  type: event_count\n  rules: [a]\n  timespan: 1 hour\n  condition: {gte: 3}\n')).toContain('timespan');
  });
});
