/** --scanners, --check and --skip-check selection. */
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/analyzer.js';
import { parseScanners, ruleSelector, selectScanners } from '../../src/cli/select.js';

const a = (name: string, scanner?: Analyzer['scanner']): Analyzer => ({ name, scanner, version: 1, rules: [], match: () => false, analyze: () => ({}) });

describe('selection', () => {
  it('keeps the named scanners and every inventory analyzer', () => {
    const list = [a('secrets', 'secret'), a('model-pickle', 'model'), a('posture-terraform', 'misconfig'), a('bom-terraform')];
    expect(selectScanners(list, parseScanners(['misconfig', 'secrets'])).map((x) => x.name)).toEqual(['secrets', 'posture-terraform', 'bom-terraform']);
    expect(selectScanners(list, parseScanners(undefined))).toHaveLength(4);
  });
  it('rejects an unknown scanner', () => {
    expect(() => parseScanners(['license'])).toThrow(/unknown scanner "license"/);
  });
  it('--check and --skip-check take ids and globs', async () => {
    const keep = (await ruleSelector(['tf/*'], ['tf/s3-*']))!;
    expect(['tf/sagemaker-notebook-root-access', 'tf/s3-bucket-public', 'secret/openai-api-key'].filter(keep)).toEqual(['tf/sagemaker-notebook-root-access']);
    expect(await ruleSelector(undefined, [])).toBeUndefined();
  });
});
