/**
 * Scenario repositories (test/paths/scenarios/<name>/{planted,safe}): small, realistic repositories
 * (Kubernetes, Terraform, CI, code, model files) written from the path kinds without looking
 * at the engine, each planting attack paths, with a safe twin that differs by the one fix that breaks
 * them. Every planted path must be reported with its entry and target (and rule); nothing else may be
 * reported on the planted side, and no path at all on the twin.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';

const base = path.join(import.meta.dirname, 'scenarios');

interface Planted {
  rule: string;
  entry: string;
  target: string;
}

const SCENARIOS: Record<string, Planted[]> = {
  // Jupyter without a token behind an Ingress; its IRSA role reads the training bucket. Twin: a token from a Secret.
  'notebook-training-data': [
    { rule: 'path/exposed-server-to-data', entry: 'internet-exposure k8s:research/Deployment/jupyter', target: 'training-data tf:terraform/aws_s3_bucket.training_data' },
  ],
  // A Claude key hard-coded in code, an OpenAI key in a scheduled workflow. Twin: environment and `secrets.*`.
  'support-bot-keys': [
    { rule: 'path/leaked-key-to-ai-account', entry: 'leaked-credential secret:app/summarize.py#anthropic-api-key', target: 'ai-account llm-provider:anthropic' },
    { rule: 'path/leaked-key-to-ai-account', entry: 'leaked-credential secret:.github/workflows/nightly-eval.yml#openai-api-key', target: 'ai-account llm-provider:openai' },
  ],
  // A pickle that calls os.system, loaded by an exposed scorer whose role writes the model bucket. Twin: safetensors.
  'fraud-scorer-pickle': [
    { rule: 'path/unsafe-model-to-credentials', entry: 'unsafe-model-artifact model-file:models/fraud_mlp.pkl', target: 'model-store tf:terraform/aws_s3_bucket.model_artifacts' },
  ],
  // pull_request_target runs the PR's code with a GCP service account (workload identity) that writes the
  // model bucket. Twin: the same job on push to main.
  'ci-model-publisher': [
    { rule: 'path/untrusted-ci-to-model-store', entry: 'untrusted-ci-trigger ci-job:.github/workflows/benchmark.yml#benchmark', target: 'model-store tf:terraform/google_storage_bucket.models' },
  ],
  // A privileged GPU ComfyUI on a NodePort, and a (non-GPU) Jupyter without a token mounting the Docker
  // socket behind a LoadBalancer. Twin: not privileged, no socket.
  'gpu-ui-node': [
    { rule: 'path/exposed-workload-to-node', entry: 'internet-exposure k8s:creative/Deployment/comfyui', target: 'node node:k8s:creative/Deployment/comfyui' },
    { rule: 'path/exposed-workload-to-node', entry: 'internet-exposure k8s:platform/StatefulSet/build-notebook', target: 'node node:k8s:platform/StatefulSet/build-notebook' },
  ],
  // An MLflow AI gateway without auth on a LoadBalancer holds the OpenAI key (from an ExternalSecret).
  // Twin: `--app-name basic-auth`.
  'llm-gateway-secret': [
    { rule: 'path/exposed-server-to-ai-account', entry: 'internet-exposure k8s:ml-platform/Deployment/mlflow-gateway', target: 'ai-account llm-provider:openai' },
  ],
  // AKS workload identity: the service account names the identity by its client id (a value Terraform
  // computes); the federated credential's subject joins it to the identity that reads the datasets.
  // Twin: the notebook runs under its own service account without the federated identity.
  'aks-workload-identity': [
    { rule: 'path/exposed-server-to-data', entry: 'internet-exposure k8s:ml/Deployment/notebook', target: 'training-data tf:terraform/azurerm_storage_account.datasets' },
  ],
};

async function pathsOf(dir: string): Promise<Planted[]> {
  const report = await scan(dir, { cwd: dir });
  return (report.paths?.items ?? []).map((p) => ({ rule: p.ruleId, entry: `${p.entry.kind} ${p.entry.assetId}`, target: `${p.target.kind} ${p.target.assetId}` }));
}

const order = (a: Planted, b: Planted) => `${a.rule} ${a.entry} ${a.target}`.localeCompare(`${b.rule} ${b.entry} ${b.target}`);

describe('attack-path scenarios (planted paths and their safe twins)', () => {
  for (const [name, planted] of Object.entries(SCENARIOS)) {
    it(`${name}: every planted path, and nothing else`, async () => {
      const found = await pathsOf(path.join(base, name, 'planted'));
      expect(found.sort(order)).toEqual([...planted].sort(order));
    }, 60_000);
    it(`${name}: no path on the safe twin`, async () => {
      expect(await pathsOf(path.join(base, name, 'safe'))).toEqual([]);
    }, 60_000);
  }
});
