/**
 * Shared pieces of the `model/*` pickle and container rules: the rule-module shape, references and
 * how a finding names the member it is about.
 */
import type { Finding, References, RuleMeta } from '../../core/model.js';
import type { Chain, Inspection } from '../inspect/types.js';
import type { GlobalRef } from '../pickle/walker.js';

export interface RuleContext {
  /** Path of the scanned file, relative to the target. */
  path: string;
}

/** One rule = its metadata and a check over the inspection of one file. */
export interface ModelRule {
  meta: RuleMeta;
  check(ins: Inspection, ctx: RuleContext): Finding[];
}

/** References every unsafe-artifact rule shares. */
export const SUPPLY_CHAIN_REFS: References = {
  cwe: ['CWE-502'],
  owaspLlm: ['LLM03', 'LLM04'],
  atlas: ['AML.T0010', 'AML.T0011'],
};

export const SAFE_FORMAT_ADVICE =
  'Load weights only from formats that cannot run code: convert the model to safetensors, or load it with `torch.load(path, weights_only=True)` on torch >= 2.6 (earlier versions are bypassable, CVE-2025-32434). Never load pickles from untrusted sources; re-download from the publisher and compare digests (`aigis hash`).';

/** `model.pt → archive/data.pkl` for messages; the member alone for `location.member`. */
export function where(path: string, chain: Chain): { display: string; member?: string } {
  const member = chain.length > 0 ? chain.map(printable).join(' → ') : undefined;
  return { display: member ? `${path} → ${member}` : path, member };
}

export function globalName(g: GlobalRef): string {
  return `${g.module}.${g.name}`;
}

/** Distinct global names, in first-seen order, at most `max`, with a count of the rest. */
export function listGlobals(globals: GlobalRef[], max = 10): string {
  const names = [...new Set(globals.map(globalName))];
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} (+${names.length - max} more)` : shown;
}

/** Member names come from hostile archives: escape control characters and cap the length for output. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const escaped = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}
