/** --scanners, --check and --skip-check selection. */
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/analyzer.js';
import { parseScanners, ruleSelector, selectScanners, unmatchedRulePatterns } from '../../src/cli/select.js';
import { selectionOf } from '../../src/cli/commands/scan.js';

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
  it('names the patterns that match no rule; advisory ids are always taken', async () => {
    const ids = ['secret/openai-api-key', 'tf/s3-bucket-public'];
    expect(await unmatchedRulePatterns(['secret/openai-key', 'SECRET/*', 'tf/s3-*', 'vuln/GHSA-0000-0000-0000', 'gha/*'], ids)).toEqual(['secret/openai-key', 'gha/*']);
  });
  it('a misspelt --check or --skip-check is a usage error, not a scan that selects nothing', async () => {
    await expect(selectionOf({ check: ['secret/openai-key'] })).rejects.toThrow('--check "secret/openai-key" matches no rule of a scan');
    await expect(selectionOf({ skipCheck: ['tf/*', 'kube/*'] })).rejects.toThrow('--skip-check "kube/*" matches no rule');
    const sel = await selectionOf({ check: ['secret/openai-api-key', 'vuln/*'] });
    expect(['secret/openai-api-key', 'vuln/GHSA-x', 'tf/s3-bucket-public'].filter(sel.keepRule!)).toEqual(['secret/openai-api-key', 'vuln/GHSA-x']);
  });
});
