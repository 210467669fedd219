import { describe, expect, it } from 'vitest';
import { EVERY, PACE, paceHeap, v8Controls, type HeapControls } from '../../src/runtime/heap-pacer.js';
import { DetectSession } from '../../src/runtime/session.js';
import { loadBuiltinRules } from '../../src/runtime/builtin-rules.js';
import { ct } from './fixtures.js';

/** A heap that grows by `perRecord` bytes per tick and drops to `live` on each collection. */
function fakeHeap(live: number, perRecord: number): HeapControls & { collections: number; holds: number; tick(): void } {
  let used = live;
  const heap = {
    collections: 0,
    holds: 0,
    collect: () => {
      heap.collections++;
      used = live;
    },
    used: () => used,
    holdYoungGeneration: () => {
      heap.holds++;
    },
    tick: () => {
      used += perRecord;
    },
  };
  return heap;
}

describe('heap pacer (detect memory stays flat)', () => {
  it('collects once the heap has grown PACE bytes past the last survivors, sampling every EVERY records', () => {
    const heap = fakeHeap(10 << 20, 1024);
    const tick = paceHeap(heap);
    expect(heap.holds).toBe(1);
    const records = EVERY * 40;
    for (let i = 0; i < records; i++) {
      heap.tick();
      tick();
    }
    // 1 KiB per record: PACE is crossed every PACE/1024 records, seen at the next sample.
    const samplesPerCollection = Math.ceil(PACE / 1024 / EVERY);
    expect(heap.collections).toBe(Math.floor(40 / samplesPerCollection));
    // The young generation is held again at every sample (a worker thread resets V8's flags).
    expect(heap.holds).toBe(1 + 40);
  });

  it('does not collect while the heap stays under the pace, and never between samples', () => {
    const heap = fakeHeap(10 << 20, 1);
    const tick = paceHeap(heap);
    for (let i = 0; i < EVERY * 10; i++) {
      heap.tick();
      tick();
    }
    expect(heap.collections).toBe(0);
    const big = fakeHeap(10 << 20, PACE);
    const tick2 = paceHeap(big);
    for (let i = 0; i < EVERY - 1; i++) {
      big.tick();
      tick2();
    }
    expect(big.collections).toBe(0);
    big.tick();
    tick2();
    expect(big.collections).toBe(1);
  });

  it('only holds the young generation when no collector is reachable', () => {
    const heap = fakeHeap(1, PACE);
    const tick = paceHeap({ ...heap, collect: undefined });
    for (let i = 0; i < EVERY * 4; i++) {
      heap.tick();
      tick();
    }
    expect(heap.holds).toBe(5);
    expect(heap.collections).toBe(0);
  });

  it('reaches V8 collector on this runtime (otherwise the pacer would silently do nothing)', () => {
    const controls = v8Controls();
    expect(typeof controls.collect).toBe('function');
    let garbage: number[][] | undefined = Array.from({ length: 2000 }, () => Array.from({ length: 500 }, (_, i) => i));
    const before = controls.used();
    expect(garbage.length).toBe(2000);
    garbage = undefined;
    controls.collect!();
    expect(controls.used()).toBeLessThan(before);
  });

  it('the session calls onRecord once per record it is given', () => {
    let n = 0;
    const session = new DetectSession(loadBuiltinRules().rules, { onRecord: () => n++ });
    for (let i = 0; i < 5; i++) session.record(ct('s3.amazonaws.com', 'GetObject'), `t#${i}`);
    session.record({ not: 'an event' }, 't#5');
    expect(n).toBe(6);
  });
});
