/**
 * Entry points: where an attacker starts, each with the finding that lets them in.
 *  - internet-exposure: a workload exposed outside its cluster or host (`exposure`, from the document
 *    layer) that has a finding giving code execution to whoever reaches it (catalogue below);
 *  - vulnerable-exposed-server: an exposed workload whose image or dependencies carry an advisory for
 *    remote code execution;
 *  - untrusted-ci-trigger: a CI job with a finding that runs outsiders' code or text;
 *  - leaked-credential: a `secret` asset with a secret finding;
 *  - unsafe-model-artifact: a model with an unsafe-artifact finding (runs code when loaded).
 * Exposure alone (a served model behind a LoadBalancer) is no entry: something must be exploitable.
 */
import type { Finding, Location, PathEntryKind } from '../core/model.js';
import { findingsOf, relationCode, type Graph } from './graph.js';

/** Findings that give an outsider who reaches the workload code execution in it. */
export const CODE_EXEC_RULES = /^(?:k8s|compose|dockerfile)\/(?:ray-dashboard-exposed|ray-no-token-auth|jupyter-empty-token|langflow-auto-login|comfyui-listen-exposed|torchserve-management-exposed|triton-model-control-exposed|mlflow-no-auth|ollama-exposed)$|^agent\/openclaw-gateway-exposed$/;
/**
 * Findings that give an outsider the server's own API, not yet its process: an LLM server without an
 * API key (vLLM, SGLang, TGI, llama.cpp — whose APIs have had remote-code-execution advisories), a
 * public Gradio app. They are entries, weighted lower than code execution.
 */
export const ACCESS_RULES = /^(?:k8s|compose|dockerfile)\/(?:llm-server-no-api-key|gradio-exposed)$/;
/** CI findings that run an outsider's code or text in the job. */
export const CI_ENTRY_RULES = new Set(['gha/untrusted-checkout', 'gha/template-injection', 'gha/ai-agent-untrusted-input']);
const RCE_CWES = new Set(['CWE-94', 'CWE-95', 'CWE-502', 'CWE-78', 'CWE-77', 'CWE-1336', 'CWE-917']);

export interface Entry {
  kind: PathEntryKind;
  node: number;
  finding?: Finding;
  /** Where the attacker gets in (the exposure's line, else the finding's). */
  location?: Location;
  description: string;
  /** How directly the entry gives code execution (1 = it does; lower for API access only). */
  weight: number;
}

export function findEntries(g: Graph): Entry[] {
  const out: Entry[] = [];
  for (let node = 0; node < g.ids.length; node++) {
    const asset = g.assets[node];
    if (!asset) continue;
    const fs = findingsOf(g, node);
    const exposure = Array.isArray(asset.properties.exposure) ? (asset.properties.exposure as { via: string; path: string; line: number }[]) : [];
    const exposedFinding = fs.find((f) => CODE_EXEC_RULES.test(f.ruleId));
    if (exposedFinding && (exposure.length || /exposed/.test(exposedFinding.ruleId))) {
      const e = exposure[0];
      out.push({
        kind: 'internet-exposure', node, finding: exposedFinding, weight: 1,
        location: e ? { path: e.path, startLine: e.line } : exposedFinding.location,
        description: `${g.names[node]} is reachable from outside${e ? ` (${e.via})` : ''} and ${lowerFirst(exposedFinding.title)}: code execution in the workload.`,
      });
    } else if (exposure.length) {
      const open = fs.find((f) => ACCESS_RULES.test(f.ruleId));
      if (open) out.push({
        kind: 'internet-exposure', node, finding: open, weight: 0.7,
        location: { path: exposure[0].path, startLine: exposure[0].line },
        description: `${g.names[node]} is reachable from outside (${exposure[0].via}) and ${lowerFirst(open.title)}: anyone can drive its API.`,
      });
    }
    if (exposure.length) {
      const vuln = rceAdvisory(g, node);
      if (vuln) out.push({ kind: 'vulnerable-exposed-server', node, finding: vuln, weight: 1, location: { path: exposure[0].path, startLine: exposure[0].line }, description: `${g.names[node]} is reachable from outside (${exposure[0].via}) and runs a package with a remote-code-execution advisory (${vuln.ruleId.replace(/^vuln\//, '')}).` });
    }
    const ci = fs.find((f) => CI_ENTRY_RULES.has(f.ruleId));
    if (ci && g.kinds[node] === 'workload') out.push({ kind: 'untrusted-ci-trigger', node, finding: ci, weight: 1, location: ci.location, description: `CI job ${g.names[node]} runs outsiders' input: ${lowerFirst(ci.title)}.` });
    if (g.kinds[node] === 'secret') {
      const leak = fs.find((f) => f.category === 'secret');
      if (leak) out.push({ kind: 'leaked-credential', node, finding: leak, weight: 1, location: leak.location, description: `${leak.title} is hard-coded in ${leak.location.path ?? 'the target'}.` });
    }
    if (g.kinds[node] === 'model') {
      const unsafe = fs.find((f) => f.category === 'unsafe-artifact' && (f.severity === 'critical' || f.severity === 'high'));
      if (unsafe) out.push({ kind: 'unsafe-model-artifact', node, finding: unsafe, weight: 1, location: unsafe.location, description: `${g.names[node]} runs code when it is loaded (${unsafe.ruleId}).` });
    }
  }
  return out;
}

/** A remote-code-execution advisory on a package the workload runs (its image or dependencies, two hops). */
function rceAdvisory(g: Graph, node: number): Finding | undefined {
  const seen = new Set<number>([node]);
  let frontier = [node];
  for (let depth = 0; depth < 2; depth++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = g.out.offsets[u]; k < g.out.offsets[u + 1]; k++) {
        const v = g.out.targets[k];
        const t = g.out.types[k];
        if (seen.has(v) || (t !== DEPENDS_ON && t !== RUNS)) continue;
        seen.add(v);
        next.push(v);
        const hit = findingsOf(g, v).find(isRce);
        if (hit) return hit;
      }
    }
    frontier = next;
  }
  return undefined;
}

const DEPENDS_ON = relationCode('depends-on');
const RUNS = relationCode('runs');

function isRce(f: Finding): boolean {
  if (f.category !== 'vulnerability' || (f.severity !== 'critical' && f.severity !== 'high')) return false;
  if (f.references.cwe?.some((c) => RCE_CWES.has(c))) return true;
  return /remote code execution|arbitrary code|code injection|\bRCE\b/i.test(`${f.title} ${f.message}`);
}

function lowerFirst(s: string): string {
  return s && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
