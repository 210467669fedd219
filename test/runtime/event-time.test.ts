/** Event times: the CloudTrail fast path gives exactly what Date.parse gives, and leaves the rest to it. */
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/runtime/event.js';

describe('parseTime', () => {
  it('agrees with Date.parse on CloudTrail times, edge days and invalid fields', () => {
    const samples = [
      '2026-11-20T08:00:00Z', '1970-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2024-02-29T12:00:00Z', '2026-02-29T00:00:00Z',
      '2026-02-30T00:00:00Z', '2026-04-31T10:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z',
      '2026-12-31T24:00:00Z', '2026-12-31T23:60:00Z', '2026-12-31T23:59:60Z', '0099-01-01T00:00:00Z', '1899-06-01T00:00:00Z',
      '2026-1x-01T00:00:00Z', '2026-11-20 08:00:00Z', '2026-11-20T08:00:00z', '2026-11-20T08:00:00.5Z', '2026-11-20T08:00:00+01:00',
      'Nov 20, 2026, 11:00:00 AM', '', 'yesterday',
    ];
    // every day and second boundary of a leap and a common year
    for (const y of [2024, 2025]) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) samples.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(d % 24).padStart(2, '0')}:${String((d * 7) % 60).padStart(2, '0')}:${String((d * 13) % 60).padStart(2, '0')}Z`);
    for (const s of samples) {
      const want = Date.parse(s);
      expect(parseTime(s), s).toBe(Number.isNaN(want) ? undefined : want);
    }
  });
  it('reads epoch numbers in seconds, milliseconds and nanoseconds', () => {
    expect(parseTime(1_700_000_000)).toBe(1_700_000_000_000);
    expect(parseTime(1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(parseTime(1_700_000_000_123_456_000)).toBe(1_700_000_000_123);
    expect(parseTime(Number.NaN)).toBeUndefined();
  });
});
