/** Sigma correlation rules (correlation specification v2): types, group-by, windows, bounded state. */
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/runtime/event.js';
import { MAX_GROUPS } from '../../src/runtime/sigma/correlation.js';
import { DetectionEngine, type Hit } from '../../src/runtime/sigma/engine.js';
import { loadRuleText } from '../../src/runtime/sigma/loader.js';

const base = `title: Failed login
name: failed
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: ConsoleLogin, errorMessage: Failed authentication}
  condition: s
---
title: Login
name: success
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: ConsoleLogin, responseElements.ConsoleLogin: Success}
  condition: s
---
title: Invoke
name: invoke
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: InvokeModel}
  condition: s
`;

function engine(correlation: string): DetectionEngine {
  const r = loadRuleText(`${base}---\ntitle: Correlation\nname: corr\nlevel: high\ncorrelation:\n${correlation}`, 'c.yml');
  expect(r.problems).toEqual([]);
  return new DetectionEngine(r.rules);
}

let seq = 0;
const T0 = Date.parse('2026-01-01T00:00:00Z');
function ev(kind: 'failed' | 'success' | 'invoke', minute: number, extra: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = {
    eventSource: kind === 'invoke' ? 'bedrock.amazonaws.com' : 'signin.amazonaws.com',
    eventName: kind === 'invoke' ? 'InvokeModel' : 'ConsoleLogin',
    eventID: `e${++seq}`,
    eventTime: new Date(T0 + minute * 60_000).toISOString(),
    userIdentity: { userName: 'alice', accessKeyId: 'AKIA1' },
    ...extra,
  };
  if (kind === 'failed') data.errorMessage = 'Failed authentication';
  if (kind === 'success') data.responseElements = { ConsoleLogin: 'Success' };
  return makeEvent('cloudtrail', data, `t#${seq}`);
}
const corr = (hits: Hit[]) => hits.filter((h) => h.type === 'correlation');

describe('event_count', () => {
  const rule = `  type: event_count\n  rules: [failed]\n  group-by: [userIdentity.userName]\n  timespan: 10m\n  condition: {gte: 3}\n`;
  it('fires when the count is reached inside the timespan', () => {
    const e = engine(rule);
    expect(corr(e.process(ev('failed', 0)))).toHaveLength(0);
    expect(corr(e.process(ev('failed', 4)))).toHaveLength(0);
    const hits = corr(e.process(ev('failed', 9)));
    expect(hits).toHaveLength(1);
    expect(hits[0].type === 'correlation' && hits[0].eventIds).toHaveLength(3);
  });
  it('stays quiet when the events are spread over more than the timespan', () => {
    const e = engine(rule);
    expect(corr([...e.process(ev('failed', 0)), ...e.process(ev('failed', 6)), ...e.process(ev('failed', 12))])).toHaveLength(0);
  });
  it('counts each group separately', () => {
    const e = engine(rule);
    const hits = [
      ...e.process(ev('failed', 0, { userIdentity: { userName: 'alice' } })),
      ...e.process(ev('failed', 1, { userIdentity: { userName: 'bob' } })),
      ...e.process(ev('failed', 2, { userIdentity: { userName: 'alice' } })),
      ...e.process(ev('failed', 3, { userIdentity: { userName: 'bob' } })),
    ];
    expect(corr(hits)).toHaveLength(0);
  });
  it('leaves out events that lack a group-by value', () => {
    const e = engine(rule);
    const hits = [0, 1, 2, 3].flatMap((m) => corr(e.process(ev('failed', m, { userIdentity: { type: 'AssumedRole' } }))));
    expect(hits).toHaveLength(0);
  });
  it('does not alert for the referenced rule itself unless generate is set', () => {
    const e = engine(rule);
    expect(e.process(ev('failed', 0))).toHaveLength(0);
    const g = engine(rule + '  generate: true\n');
    expect(g.process(ev('failed', 0)).filter((h) => h.type === 'detection')).toHaveLength(1);
  });
  it('gives one alert per burst, then starts counting again', () => {
    const e = engine(rule);
    const hits = [0, 1, 2, 3, 4].flatMap((m) => corr(e.process(ev('failed', m))));
    expect(hits).toHaveLength(1);
  });
});

describe('value_count', () => {
  const rule = `  type: value_count\n  rules: [invoke]\n  group-by: [userIdentity.accessKeyId]\n  timespan: 1h\n  condition: {field: requestParameters.modelId, gte: 3}\n`;
  it('fires on enough distinct values', () => {
    const e = engine(rule);
    const hits = ['a', 'b', 'a', 'c'].flatMap((mId, i) => corr(e.process(ev('invoke', i, { requestParameters: { modelId: mId } }))));
    expect(hits).toHaveLength(1);
    expect(hits[0].type === 'correlation' && hits[0].count).toBe(3);
  });
  it('does not count repeats of one value', () => {
    const e = engine(rule);
    const hits = ['a', 'a', 'b', 'b'].flatMap((mId, i) => corr(e.process(ev('invoke', i, { requestParameters: { modelId: mId } }))));
    expect(hits).toHaveLength(0);
  });
  it('forgets values older than the timespan', () => {
    const e = engine(rule);
    const hits = [
      ...e.process(ev('invoke', 0, { requestParameters: { modelId: 'a' } })),
      ...e.process(ev('invoke', 61, { requestParameters: { modelId: 'b' } })),
      ...e.process(ev('invoke', 62, { requestParameters: { modelId: 'c' } })),
    ];
    expect(corr(hits)).toHaveLength(0);
  });
});

describe('temporal', () => {
  const rule = `  type: temporal\n  rules: [failed, success]\n  group-by: [userIdentity.userName]\n  timespan: 5m\n`;
  it('fires when all rules matched within the timespan, in any order', () => {
    const e = engine(rule);
    expect(corr([...e.process(ev('success', 0)), ...e.process(ev('failed', 3))])).toHaveLength(1);
  });
  it('stays quiet outside the timespan', () => {
    const e = engine(rule);
    expect(corr([...e.process(ev('success', 0)), ...e.process(ev('failed', 6))])).toHaveLength(0);
  });
});

describe('temporal_ordered', () => {
  const rule = `  type: temporal_ordered\n  rules: [failed, success]\n  group-by: [userIdentity.userName]\n  timespan: 5m\n`;
  it('fires when the rules matched in order within the timespan', () => {
    const e = engine(rule);
    const hits = corr([...e.process(ev('failed', 0)), ...e.process(ev('success', 2))]);
    expect(hits).toHaveLength(1);
  });
  it('stays quiet when the order is reversed', () => {
    const e = engine(rule);
    expect(corr([...e.process(ev('success', 0)), ...e.process(ev('failed', 2))])).toHaveLength(0);
  });
  it('uses event time, not arrival order', () => {
    const e = engine(rule);
    // The success event arrives first but happened later.
    expect(corr([...e.process(ev('success', 2)), ...e.process(ev('failed', 0))])).toHaveLength(1);
  });
  it('stays quiet outside the timespan or for another group', () => {
    const e = engine(rule);
    expect(corr([...e.process(ev('failed', 0)), ...e.process(ev('success', 6))])).toHaveLength(0);
    const e2 = engine(rule);
    expect(corr([...e2.process(ev('failed', 0)), ...e2.process(ev('success', 1, { userIdentity: { userName: 'bob' } }))])).toHaveLength(0);
  });
});

describe('aliases and chains', () => {
  it('groups different fields through aliases', () => {
    const rule = `  type: temporal\n  rules: [failed, invoke]\n  group-by: [who]\n  timespan: 5m\n  aliases:\n    who:\n      failed: userIdentity.userName\n      invoke: requestParameters.caller\n`;
    const e = engine(rule);
    expect(corr([...e.process(ev('failed', 0)), ...e.process(ev('invoke', 1, { requestParameters: { caller: 'alice' } }))])).toHaveLength(1);
    const e2 = engine(rule);
    expect(corr([...e2.process(ev('failed', 0)), ...e2.process(ev('invoke', 1, { requestParameters: { caller: 'bob' } }))])).toHaveLength(0);
  });
  it('names a correlation of a correlation as unsupported', () => {
    const r = loadRuleText(`${base}---\ntitle: A\nname: a\ncorrelation:\n  type: event_count\n  rules: [failed]\n  timespan: 1m\n  condition: {gte: 2}\n---\ntitle: B\nname: b\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n  condition: {gte: 2}\n`, 'c.yml');
    const e = new DetectionEngine(r.rules);
    expect(e.problems.map((p) => p.message)).toEqual([expect.stringContaining('chained correlations'), expect.stringContaining('not evaluated')]);
  });
});

describe('bounded state', () => {
  it('holds at most MAX_GROUPS groups, evicting the least recently used', () => {
    const r = loadRuleText(`${base}---\ntitle: C\nname: c\ncorrelation:\n  type: event_count\n  rules: [invoke]\n  group-by: [userIdentity.accessKeyId]\n  timespan: 1h\n  condition: {gte: 2}\n`, 'c.yml');
    const e = new DetectionEngine(r.rules);
    const state = (e as unknown as { feeds: Map<unknown, { state: { size: number } }[]> }).feeds.values().next().value![0].state;
    for (let i = 0; i < MAX_GROUPS + 500; i++) e.process(ev('invoke', 0, { userIdentity: { accessKeyId: `K${i}` } }));
    expect(state.size).toBe(MAX_GROUPS);
    // The first key was evicted: its second event starts a new group instead of firing.
    expect(corr(e.process(ev('invoke', 1, { userIdentity: { accessKeyId: 'K0' } })))).toHaveLength(0);
    // A recent key still fires.
    expect(corr(e.process(ev('invoke', 1, { userIdentity: { accessKeyId: `K${MAX_GROUPS + 499}` } })))).toHaveLength(1);
  });
});
