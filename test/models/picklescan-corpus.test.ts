/**
 * The picklescan corpus (test/fixtures/corpora/picklescan, copied with its MIT licence; README there lists the expectation of each file):
 * every malicious file must give a critical or high finding, every safe one must stay quiet.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes, atOrAbove, serious, sharedCorpus } from './helpers.js';

const dir = sharedCorpus('picklescan');
if (!dir) console.warn('picklescan corpus missing (test/fixtures/corpora/picklescan): corpus tests skipped');

const SAFE = ['benign0_v0.pkl', 'benign0_v3.pkl', 'benign0_v4.pkl', 'pytorch_model.bin', 'new_pytorch_model.bin', 'benign_password_protected.zip'];
const NOT_MODELS = ['bad_pytorch.pt', 'not_a_pickle.bin'];
const files = dir ? readdirSync(dir).filter((f) => !['README.md', 'LICENSE'].includes(f)) : [];
const MALICIOUS = files.filter((f) => !SAFE.includes(f) && !NOT_MODELS.includes(f));

/** Globals (or rules) each malicious file must be caught by, from the corpus README. */
const EXPECT: Record<string, string[]> = {
  'malicious0.pkl': ['builtins.eval', 'builtins.compile', 'builtins.getattr'],
  'malicious1_v0.pkl': ['builtins.eval'],
  'malicious2_v3.pkl': ['posix.system'],
  'malicious3.pkl': ['http.client.HTTPSConnection'],
  'malicious6.pkl': ['requests.api.get'],
  'malicious10.pkl': ['builtins.exec'],
  'malicious11.pkl': ['os.system'],
  'malicious-invalid-bytes.pkl': ['os.system'],
  'malicious12.pkl': ['operator.attrgetter'],
  'malicious13a.pkl': ['pickle.loads'],
  'malicious13b.pkl': ['_pickle.loads'],
  'malicious16.pkl': ['pip.main'],
  'malicious17.pkl': ['torch._inductor.codecache.compile_file'],
  'malicious18.pkl': ['pydoc.pipepager'],
  'malicious19.pkl': ['torch.serialization.load'],
  'broken_model.pkl': ['builtins.exec'],
  'pytorch_magic_bypass.pt': ['builtins.eval', 'posix.system'],
  'malicious1.7z': ['builtins.eval'],
  'malicious1_wrong_ext.zip': ['builtins.eval'],
  'malicious1_central_directory.zip': ['builtins.eval'],
  'malicious1_0x1.zip': ['builtins.eval'],
  'malicious1_0x20.zip': ['builtins.eval'],
  'malicious1_0x40.zip': ['builtins.eval'],
};

describe.skipIf(!dir)('picklescan corpus', () => {
  const load = (f: string) => analyzeBytes(f, readFileSync(join(dir as string, f)));

  it('has the files its README lists', () => {
    expect(MALICIOUS.length).toBe(38);
    for (const f of [...SAFE, ...NOT_MODELS]) expect(files).toContain(f);
  });

  it.each(MALICIOUS)('%s is critical or high', async (f) => {
    const r = await load(f);
    expect(serious(r.findings).length, JSON.stringify(r.findings?.map((x) => x.ruleId))).toBeGreaterThan(0);
    const globals = (r.findings ?? []).flatMap((x) => (x.properties?.globals as string[] | undefined) ?? []);
    for (const g of EXPECT[f] ?? []) expect(globals).toContain(g);
  });

  it.each(SAFE)('%s stays quiet (nothing at medium or above)', async (f) => {
    const r = await load(f);
    expect(atOrAbove(r.findings, 'medium')).toEqual([]);
  });

  it('names the member of a zip checkpoint', async () => {
    const r = await load('malicious1_wrong_ext.zip');
    expect(r.findings?.[0].location).toMatchObject({ path: 'malicious1_wrong_ext.zip', member: 'data.txt' });
    expect(r.findings?.[0].message).toContain('malicious1_wrong_ext.zip → data.txt');
  });

  it('reports zip structure tricks as anomalies and still scans the member', async () => {
    const cd = await load('malicious1_central_directory.zip');
    expect(cd.findings?.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['model/archive-anomaly', 'model/pickle-code-execution']));
    const flags = await load('malicious1_0x40.zip');
    expect(flags.findings?.find((f) => f.ruleId === 'model/archive-anomaly')?.message).toContain('0x40');
  });

  it('reports the 7z packaging and the payload inside it', async () => {
    const r = await load('malicious1.7z');
    const hidden = r.findings?.find((f) => f.ruleId === 'model/archive-hidden-content');
    expect(hidden?.severity).toBe('medium');
    expect(r.findings?.find((f) => f.ruleId === 'model/pickle-code-execution')?.location.member).toBe('data.pkl');
  });

  it('reports module tampering (BUILD on torch._utils) as critical', async () => {
    const r = await load('sys_module_override_sploit.pkl');
    const f = r.findings?.find((x) => x.ruleId === 'model/pickle-module-tampering');
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('torch._utils');
  });

  it('keeps globals seen before a truncation and says so in a note', async () => {
    const r = await load('broken_model.pkl');
    expect(r.notes?.map((n) => n.message).join('\n')).toMatch(/truncated/);
  });

  it('reports the encrypted member of a password-protected zip once, at low severity', async () => {
    const r = await load('benign_password_protected.zip');
    expect(r.findings?.map((x) => [x.ruleId, x.severity])).toEqual([['model/archive-hidden-content', 'low']]);
  });

  it('says when a member marked encrypted is really plain text (flag 0x1 trick)', async () => {
    const r = await load('malicious1_0x1.zip');
    expect(r.findings?.find((x) => x.ruleId === 'model/archive-anomaly')?.message).toMatch(/marked encrypted but its content is plain/);
  });

  it.each(NOT_MODELS)('%s gives a note and no finding', async (f) => {
    const r = await load(f);
    expect(r.findings ?? []).toEqual([]);
    expect(r.notes?.length).toBeGreaterThan(0);
  });
});
