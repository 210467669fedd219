/**
 * value_count and temporal keep per-value counts as entries enter and leave a window instead of a pass
 * over the window on every event. The hits must be exactly those of the pass: random streams (values,
 * out-of-order times, groups, windows closing) through two engines, one with the counts switched off.
 */
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/runtime/event.js';
import { DetectionEngine, type Hit } from '../../src/runtime/sigma/engine.js';
import { loadRuleText } from '../../src/runtime/sigma/loader.js';

const RULES = `title: Invoke
name: invoke
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: InvokeModel}
  condition: s
---
title: Discover
name: discover
logsource: {product: aws, service: cloudtrail}
detection:
  s: {eventName: ListFoundationModels}
  condition: s
---
title: Many models
name: many
correlation:
  type: value_count
  rules: [invoke]
  group-by: [userIdentity.arn]
  timespan: 10m
  condition: {gte: 3, field: requestParameters.modelId}
---
title: Exactly two models
name: two
correlation:
  type: value_count
  rules: [invoke]
  group-by: [userIdentity.arn]
  timespan: 5m
  condition: {eq: 2, field: requestParameters.modelId}
---
title: Discover and invoke
name: both
correlation:
  type: temporal
  rules: [discover, invoke]
  group-by: [userIdentity.arn]
  timespan: 3m
`;

/** Engine whose correlation states pass over the window on every event (the reference). */
function engine(counted: boolean): DetectionEngine {
  const r = loadRuleText(RULES, 'c.yml');
  expect(r.problems).toEqual([]);
  const e = new DetectionEngine(r.rules);
  if (!counted) {
    const feeds = (e as unknown as { feeds: Map<unknown, { state: { counted: boolean } }[]> }).feeds;
    for (const list of feeds.values()) for (const f of list) f.state.counted = false;
  }
  return e;
}

const ids = (hits: Hit[]): string[] => hits.map((h) => (h.type === 'correlation' ? `${h.rule.name}:${h.eventIds.join(',')}:${h.count}` : `${h.rule.name}:${h.event.id}`));

describe('correlation counts', () => {
  it('give the same hits as a pass over the window, on random streams', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const a = engine(true);
      const b = engine(false);
      const got: string[] = [];
      const want: string[] = [];
      let t = Date.parse('2026-01-01T00:00:00Z');
      for (let i = 0; i < 600; i++) {
        t += Math.floor(rnd() * 60_000) - 5_000; // mostly forward, sometimes a little back
        const data = {
          eventSource: 'bedrock.amazonaws.com',
          eventName: rnd() < 0.2 ? 'ListFoundationModels' : 'InvokeModel',
          eventID: `e${round}-${i}`,
          eventTime: new Date(t).toISOString(),
          userIdentity: { arn: `u${Math.floor(rnd() * 3)}` },
          requestParameters: { modelId: `m${Math.floor(rnd() * 4)}` },
        };
        got.push(...ids(a.process(makeEvent('cloudtrail', data, `x#${i}`))));
        want.push(...ids(b.process(makeEvent('cloudtrail', structuredClone(data), `x#${i}`))));
      }
      got.push(...ids(a.finish()));
      want.push(...ids(b.finish()));
      expect(got).toEqual(want);
      expect(want.some((h) => h.startsWith('many:'))).toBe(true);
      expect(want.some((h) => h.startsWith('two:'))).toBe(true);
      expect(want.some((h) => h.startsWith('both:'))).toBe(true);
    }
  });
});
