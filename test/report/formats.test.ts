/**
 * The CLI's on-demand formatters (src/report/formats.ts) are the library's eager ones
 * (src/report/index.ts), under the same names: one list of formats, two ways to load them.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, isFormatName, loadFormatter } from '../../src/report/formats.js';
import { formatters } from '../../src/report/index.js';

describe('loadFormatter', () => {
  it('names exactly the formats of the eager map', () => {
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(formatters).sort());
  });

  it.each(Object.keys(formatters))('loads the %s formatter itself', async (name) => {
    expect(isFormatName(name)).toBe(true);
    expect(await loadFormatter(name)).toBe(formatters[name]);
  });

  it('knows no other name', async () => {
    expect(isFormatName('xml')).toBe(false);
    expect(await loadFormatter('xml')).toBeUndefined();
    expect(isFormatName('toString')).toBe(false);
    expect(await loadFormatter('constructor')).toBeUndefined();
  });
});
