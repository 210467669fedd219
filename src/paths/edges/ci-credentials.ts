/**
 * Edge kind: CI job ─assumes→ cloud identity (OIDC), and CI job ─uses→ repository secret ─grants→
 * AI provider account. A job that exchanges its OIDC token for a cloud role
 * (`aws-actions/configure-aws-credentials` `role-to-assume`, `google-github-actions/auth`
 * `service_account`, `azure/login` `client-id`) holds that role's credentials; code that runs in the
 * job (a fork's build under `pull_request_target`, an injected expression) holds them too. Secrets are
 * joined only for workflows an outsider can trigger (the only ones a path can enter through), so the
 * inventory does not grow a node for every `GITHUB_TOKEN`.
 */
import type { Asset } from '../../core/model.js';
import { providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import { parseUses, privilegedTriggers, secretsOf } from '../../documents/workflow/model.js';
import type { WorkflowProject } from '../../documents/workflow/types.js';
import { resolveIdentity, type IdentityIndex } from './identity-index.js';
import { pushUnique } from './workload.js';

const OIDC: Record<string, { input: string; hint?: 'azure' }> = {
  'aws-actions/configure-aws-credentials': { input: 'role-to-assume' },
  'google-github-actions/auth': { input: 'service_account' },
  'azure/login': { input: 'client-id', hint: 'azure' },
};

export function ciCredentialEdges(project: WorkflowProject, index: IdentityIndex): Asset[] {
  const out = new Map<string, Asset>();
  for (const { path, document: doc } of project.files) {
    const untrusted = privilegedTriggers(doc);
    for (const job of doc.jobs) {
      const id = `ci-job:${path}#${job.id}`;
      const w: Asset = { id, kind: 'workload', name: job.id, locations: [{ path, startLine: job.line }], properties: { platform: 'github-actions' }, relations: [] };
      if (untrusted.length) w.properties.untrustedTriggers = untrusted;
      for (const step of job.steps) {
        if (!step.uses) continue;
        const u = parseUses(step.uses.value);
        const spec = u.kind === 'repo' ? OIDC[u.name.toLowerCase()] : undefined;
        const input = spec ? step.with[spec.input] : undefined;
        if (!spec || !input || input.value.includes('${{')) continue;
        const r = resolveIdentity(index, input.value, { path, line: input.line }, spec.hint);
        if (!r) continue;
        pushUnique(w.relations, { type: 'assumes', target: r.id });
        if (r.stub && !out.has(r.id)) out.set(r.id, r.stub);
      }
      if (untrusted.length) {
        for (const name of [...secretsOf(doc, job)].sort()) {
          if (name === 'GITHUB_TOKEN') continue;
          const sid = `ci-secret:${name}`;
          const provider = providerOfEnvKey(name);
          if (!out.has(sid)) out.set(sid, { id: sid, kind: 'secret', name, locations: [{ path, startLine: job.line }], properties: { platform: 'github-actions', secretName: name }, relations: provider ? [{ type: 'grants', target: `llm-provider:${provider}` }] : [] });
          pushUnique(w.relations, { type: 'uses', target: sid });
        }
      }
      if (w.relations.length) out.set(id, w);
    }
  }
  return [...out.values()];
}
