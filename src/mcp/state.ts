/**
 * Reports the server has computed, kept in memory (never written): pages of a result are cut from the
 * cached report their cursor names, and tools that read a report (paths, findings, inventory) reuse
 * the last scan of the same path instead of scanning again. A few entries only: memory stays bounded.
 */
import type { Report } from '../core/model.js';

const MAX_ENTRIES = 6;

export class ReportCache {
  private readonly entries = new Map<string, Report>();
  private seq = 0;
  /** Key of the last `scan` report (the `aigis://report/last` resource). */
  lastScanKey: string | undefined;

  /** Stores a report and returns its key (`<kind>:<n>`). */
  put(kind: string, report: Report, target: string): string {
    const key = `${kind}:${++this.seq}`;
    this.entries.set(key, report);
    this.byTarget.set(`${kind}\0${target}`, key);
    if (kind === 'scan' || kind.startsWith('scan[')) this.lastScanKey = key;
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return key;
  }

  get(key: string): Report | undefined {
    return this.entries.get(key);
  }

  /** The latest report of this kind for this real path, if still cached. */
  latest(kind: string, target: string): { key: string; report: Report } | undefined {
    const key = this.byTarget.get(`${kind}\0${target}`);
    const report = key ? this.entries.get(key) : undefined;
    return key && report ? { key, report } : undefined;
  }

  private readonly byTarget = new Map<string, string>();
}
