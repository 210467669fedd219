/**
 * Keeps a long `aigis detect` run's memory flat (issue 14: the same peak RSS at 50k and at 1M events).
 *
 * The live heap of a run is small and constant (about 10 MiB: rules, the screen index, one batch, the
 * de-duplication keys), but parsed events die young at a high rate, and V8 answers a high allocation
 * rate in two ways that make the resident size follow the input's length instead of its content:
 * - it doubles the young generation's semi-spaces from 1 MiB up to 16 MiB (about 32 MiB resident);
 * - it lets promoted garbage pile up in the old generation up to a limit it raises as the run goes.
 * Measured on 1M CloudTrail events (`-f jsonl`): RSS 98 → 153 MiB from 50k to 1M events while a
 * forced full collection found 9–11 MiB alive throughout.
 *
 * Two settings cap that, for the detect command only (process-wide V8 flags, so the screening thread
 * follows them too): semi-spaces keep their initial size (growth factor 1),
 * and a full collection runs whenever the heap has grown `PACE` bytes past what the last one left
 * alive. The heap is sampled every `EVERY` records, which costs nothing measurable; a full collection of
 * a ~10 MiB live heap takes a few milliseconds. Neither changes a result: collection timing is
 * invisible to the engine. When alerts are kept for a report, the live heap grows with them and the
 * threshold moves with it, so the cost per record stays constant rather than growing with the alerts.
 * The screening thread (sources/screen-worker.ts) uses `collector` on its own pace.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the heap (bytes) past the last collection's survivors that triggers the next collection. */
export const PACE = 12 * 1024 * 1024;
/** Records between two samples of the heap size. */
export const EVERY = 2048;

/** What the pacer acts on: V8 itself by default, fakes in tests. */
export interface HeapControls {
  /** A full collection, or undefined when the runtime does not hand one out. */
  collect: (() => void) | undefined;
  /** Bytes of the heap in use (live and not yet collected). */
  used: () => number;
  /** Stops the young generation's semi-spaces from growing. */
  holdYoungGeneration: () => void;
}

/** A full collection of this thread's heap, or undefined when the runtime does not hand one out. */
export function collector(): (() => void) | undefined {
  try {
    // `gc` is installed in contexts created after --expose-gc is set: a fresh context hands it over.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export function v8Controls(): HeapControls {
  const holdYoungGeneration = (): void => setFlagsFromString('--semi-space-growth-factor=1');
  return { collect: collector(), used: () => getHeapStatistics().used_heap_size, holdYoungGeneration };
}

export type HeapTick = () => void;

/**
 * Applies the settings and returns the per-record tick.
 * The young generation is held again at every sample because starting a worker thread resets V8's
 * flags to the command line's. Without a reachable collector only the young generation is held.
 */
export function paceHeap(controls: HeapControls = v8Controls()): HeapTick {
  const { collect, used, holdYoungGeneration } = controls;
  holdYoungGeneration();
  let records = 0;
  let next = used() + PACE;
  return () => {
    if (++records % EVERY !== 0) return;
    holdYoungGeneration();
    if (!collect || used() < next) return;
    collect();
    next = used() + PACE;
  };
}
