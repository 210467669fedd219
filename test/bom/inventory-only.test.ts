/**
 * `aigis bom` keeps no findings unless it uploads: the posture checks of the whole-target stage are
 * skipped then (issue 15). Skipping them must not change a single asset or note.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bomReport } from '../../src/cli/commands/bom.js';
import { resolveScanSettings } from '../../src/cli/scan-settings.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('bom without findings', () => {
  it.each(['examples/ai-lab', 'test/bom/projects/terraform-ai'])('%s: the same assets and notes as with findings kept', async (rel) => {
    const target = path.join(root, rel);
    const settings = await resolveScanSettings(target, { quiet: true }, root, 'bom');
    const inventory = await bomReport(target, settings);
    const full = await bomReport(target, settings, false, { keepFindings: true });
    expect(full.findings.length).toBeGreaterThan(0); // posture and model findings exist here
    expect(inventory.findings).toEqual([]);
    expect(inventory.assets.length).toBeGreaterThan(0);
    expect(inventory.assets).toEqual(full.assets);
    expect(inventory.notes).toEqual(full.notes);
  }, 120_000);
});
