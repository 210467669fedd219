import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzerContext, AnalyzerResult } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import { modelPickleAnalyzer } from '../../src/analyzers/model-pickle.js';
import { atLeast } from '../../src/core/severity.js';
import type { Finding } from '../../src/core/model.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/models/pickle');

/** Third-party corpora copied into the repository (`test/fixtures/corpora/<name>`, credited in NOTICE). */
export function sharedCorpus(name: string): string | undefined {
  const p = resolve(REPO_ROOT, 'test/fixtures/corpora', name);
  return existsSync(p) ? p : undefined;
}

export function ctx(deadlineMs = 20_000): AnalyzerContext {
  return { deadline: Date.now() + deadlineMs, exists: () => false, open: () => undefined };
}

export async function analyzeBytes(path: string, bytes: Buffer): Promise<AnalyzerResult> {
  return modelPickleAnalyzer.analyze(bufferFile(path, bytes), ctx());
}

export async function analyzeFixture(name: string): Promise<AnalyzerResult> {
  return analyzeBytes(name, readFileSync(resolve(FIXTURES, name)));
}

export function serious(findings: Finding[] | undefined): Finding[] {
  return (findings ?? []).filter((f) => atLeast(f.severity, 'high'));
}

export function atOrAbove(findings: Finding[] | undefined, s: 'medium' | 'high' | 'critical'): Finding[] {
  return (findings ?? []).filter((f) => atLeast(f.severity, s));
}

export function ruleIds(r: AnalyzerResult): string[] {
  return [...new Set((r.findings ?? []).map((f) => f.ruleId))].sort();
}
