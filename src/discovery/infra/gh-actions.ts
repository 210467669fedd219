/**
 * GitHub Actions workflows that run AI agents (`anthropics/claude-code-action`,
 * `openai/codex-action`, `google-github-actions/run-gemini-cli` … from data/ai-actions.json): the
 * agent, the events that trigger it (untrusted triggers such as `issue_comment` matter for prompt
 * injection), the job's permissions, whether the action is pinned to a commit, and the model input.
 */
import { createRequire } from 'node:module';
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, Note } from '../../core/model.js';
import { asset, at, providerAsset, providerId } from '../assets.js';
import { providerModelId } from '../ids.js';
import { isRecord } from '../json-doc.js';
import { yamlDocsParser } from './k8s.js';

interface ActionEntry {
  match: string;
  agent: string;
  provider?: string;
}

const require = createRequire(import.meta.url);
const ACTIONS = (require('../../../data/ai-actions.json') as { actions: ActionEntry[] }).actions;

export const ghActionsAnalyzer: Analyzer = {
  name: 'bom-gh-actions',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(f.path) && f.size < 2 * 1024 * 1024;
  },
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined || !ACTIONS.some((a) => text.toLowerCase().includes(a.match))) return {};
    const parsed = await file.parsed(yamlDocsParser);
    const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path: file.path, message: `bom-gh-actions: ${e}`, source: 'bom-gh-actions' }));
    for (const w of parsed.warnings ?? []) notes.push({ level: 'info', path: file.path, message: `bom-gh-actions: YAML: ${w}`, source: 'bom-gh-actions' });
    const doc = parsed.docs[0];
    if (!doc || !isRecord(doc.value) || !isRecord(doc.value.jobs)) return { notes };
    const wf = doc.value;
    const on = wf.on;
    const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : [];
    const assets: Asset[] = [];
    for (const [jobId, job] of Object.entries(wf.jobs as Record<string, unknown>)) {
      if (!isRecord(job) || !Array.isArray(job.steps)) continue;
      job.steps.forEach((step, i) => {
        if (!isRecord(step) || typeof step.uses !== 'string') return;
        const [path, ref] = step.uses.split('@');
        const entry = ACTIONS.find((a) => path.toLowerCase() === a.match || path.toLowerCase().startsWith(`${a.match}/`));
        if (!entry) return;
        const loc = at(file.path, doc.lineOf(['jobs', jobId, 'steps', i, 'uses']));
        const withs = isRecord(step.with) ? step.with : {};
        const relations: Asset['relations'] = [];
        const modelRaw = typeof withs.model === 'string' ? withs.model : undefined;
        const model = modelRaw && !modelRaw.includes('${{') ? providerModelId(modelRaw) : undefined;
        if (entry.provider) {
          assets.push(providerAsset(entry.provider, loc, { via: step.uses }, 0.85));
          relations.push({ type: 'uses', target: providerId(entry.provider) });
          if (model) {
            const id = `model:${entry.provider}/${model}`;
            assets.push(asset('model', id, model, at(file.path, doc.lineOf(['jobs', jobId, 'steps', i, 'with', 'model'])), { provider: entry.provider, hosted: true }, { confidence: 0.85, relations: [{ type: 'uses', target: providerId(entry.provider) }] }));
            relations.push({ type: 'uses', target: id });
          }
        }
        assets.push(asset('agent', `agent:${entry.agent}:${file.path}#${jobId}`, entry.agent, loc, {
          agent: entry.agent,
          action: path,
          ref,
          pinnedToCommit: !!ref && /^[0-9a-f]{40}$/.test(ref),
          triggers,
          permissions: job.permissions ?? wf.permissions,
          platform: 'github-actions',
          job: jobId,
        }, { confidence: 0.95, relations }));
      });
    }
    return { assets, notes };
  },
};
