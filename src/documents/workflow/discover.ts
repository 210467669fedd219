/**
 * Inventory from workflow documents (replaces the former bom-gh-actions analyzer, so that a workflow is
 * parsed once): each AI agent action a job runs (agent asset, with its triggers, permissions, pinning,
 * provider and model), and each CI job that calls an AI service, with the names of the AI secrets it
 * holds (`OPENAI_API_KEY` → openai). Secret values are never read; only names. A job that calls no AI
 * is still an asset (the `gha/*` findings and the attack paths name it), but a graph node only
 * (confidence 0, like the attack paths' workload stubs): not AI inventory, kept by a scan report only
 * while a path goes through it or a finding names it.
 */
import { aiActionFor } from '../../catalog/ai-actions.js';
import { providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import type { Asset, Relation } from '../../core/model.js';
import { asset, at, providerAsset, providerId } from '../../discovery/assets.js';
import { providerModelId } from '../../discovery/ids.js';
import { effectivePermissions, isShaPinned, parseUses, secretsOf, triggerNames } from './model.js';
import type { WorkflowProject } from './types.js';

export function discoverWorkflows(project: WorkflowProject): Asset[] {
  const assets: Asset[] = [];
  for (const { path, document: doc } of project.files) {
    const triggers = triggerNames(doc);
    for (const job of doc.jobs) {
      const secrets = [...secretsOf(doc, job)].sort();
      const aiSecrets = secrets.filter((s) => providerOfEnvKey(s));
      const jobRel: Relation[] = [];
      const agents: string[] = [];
      for (const step of job.steps) {
        if (!step.uses) continue;
        const u = parseUses(step.uses.value);
        const entry = u.kind === 'repo' ? aiActionFor(u.name) : undefined;
        if (!entry) continue;
        const loc = at(path, step.uses.line);
        const relations: Relation[] = [];
        const modelRaw = step.with.model?.value;
        const model = modelRaw && !modelRaw.includes('${{') ? providerModelId(modelRaw) : undefined;
        if (entry.provider) {
          assets.push(providerAsset(entry.provider, loc, { via: step.uses.value }, 0.85));
          relations.push({ type: 'uses', target: providerId(entry.provider) });
          if (model) {
            const id = `model:${entry.provider}/${model}`;
            assets.push(asset('model', id, model, at(path, step.with.model!.line), { provider: entry.provider, hosted: true }, { confidence: 0.85, relations: [{ type: 'uses', target: providerId(entry.provider) }] }));
            relations.push({ type: 'uses', target: id });
          }
        }
        const id = `agent:${entry.agent}:${path}#${job.id}`;
        agents.push(id);
        assets.push(asset('agent', id, entry.agent, loc, {
          agent: entry.agent,
          action: u.name,
          ref: u.ref,
          pinnedToCommit: isShaPinned(u.ref),
          triggers,
          permissions: effectivePermissions(doc, job),
          secrets,
          platform: 'github-actions',
          job: job.id,
        }, { confidence: 0.95, relations }));
      }
      for (const s of agents.length ? [] : aiSecrets) {
        const provider = providerOfEnvKey(s)!;
        assets.push(providerAsset(provider, at(path, job.line), { via: `secret ${s}` }, 0.7));
        jobRel.push({ type: 'uses', target: providerId(provider) });
      }
      for (const a of agents) jobRel.push({ type: 'runs', target: a });
      const callsAi = agents.length > 0 || aiSecrets.length > 0;
      assets.push(asset('workload', `ci-job:${path}#${job.id}`, job.id, at(path, job.line), {
        platform: 'github-actions',
        triggers,
        permissions: effectivePermissions(doc, job),
        secrets,
        aiSecrets,
        callsAi,
      }, { confidence: callsAi ? 0.9 : 0, relations: uniqueRelations(jobRel) }));
    }
  }
  return assets;
}

function uniqueRelations(r: Relation[]): Relation[] {
  const seen = new Set<string>();
  return r.filter((x) => (seen.has(`${x.type} ${x.target}`) ? false : (seen.add(`${x.type} ${x.target}`), true)));
}
