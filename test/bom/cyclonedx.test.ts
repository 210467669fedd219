/**
 * The CycloneDX output validates against the official 1.6 JSON schema (shipped in
 * @cyclonedx/cyclonedx-library, loaded offline) and carries the ML-BOM content.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { toCycloneDx } from '../../src/report/cyclonedx.js';
import { inventory } from './inventory.js';

const require = createRequire(import.meta.url);
const schemaDir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const load = (name: string, id: string) => ({ ...JSON.parse(readFileSync(join(schemaDir, name), 'utf8')), $id: id });

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its plugin is the default export's default.
  const addFormats = (formatsPlugin as unknown as { default: (a: Ajv) => void }).default ?? (formatsPlugin as unknown as (a: Ajv) => void);
  addFormats(ajv);
  // Formats used by the schema that ajv-formats does not define.
  ajv.addFormat('iri-reference', /^\S*$/);
  ajv.addFormat('idn-email', /^\S+@\S+$/);
  ajv.addSchema(load('spdx.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json'));
  ajv.addSchema(load('jsf-0.82.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json'));
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/bom-1.6.schema.json'));
}

async function bomOf(project: string): Promise<Record<string, unknown>> {
  const { assets, notes } = await inventory(join(import.meta.dirname, 'projects', project));
  const report: Report = {
    schemaVersion: 1, tool: { name: 'aigis', version: '0.0.0-test' }, command: 'bom', target: { name: project, type: 'directory' },
    createdAt: new Date().toISOString(), findings: [], suppressed: [], assets, notes, stats: { files: 0, bytes: 0, skipped: 0, durationMs: 0 }, rules: [],
  };
  return toCycloneDx(report);
}

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('CycloneDX 1.6 output', () => {
  const validate = validator();

  it.each(['rag-langchain', 'vllm-ray-k8s', 'terraform-ai', 'mcp-agent'])('validates against the official schema: %s', async (p) => {
    const bom = await bomOf(p);
    const ok = validate(bom);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects an invalid document (the validator is live)', () => {
    expect(validate({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'machine-learning-model' }] })).toBe(false);
  });

  it('has ML model components with model cards, data components, purls, evidence and dependencies', async () => {
    const bom = (await bomOf('rag-langchain')) as J;
    const comps = bom.components as J[];
    const lora = comps.find((c) => c['bom-ref'] === 'model-dir:models/support-lora')!;
    expect(lora.type).toBe('machine-learning-model');
    expect(lora.modelCard.modelParameters.task).toBe('text-generation');
    expect(lora.modelCard.modelParameters.datasets).toEqual([{ ref: 'dataset:bitext/Bitext-customer-support-llm-chatbot-training-dataset' }]);
    expect(lora.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);
    const hf = comps.find((c) => c['bom-ref'] === 'pkg:huggingface/BAAI/bge-small-en-v1.5')!;
    expect(hf.purl).toBe('pkg:huggingface/BAAI/bge-small-en-v1.5');
    expect(hf.evidence.occurrences).toContainEqual({ location: 'app/ingest.py', line: 9 });
    expect(hf.evidence.identity[0].confidence).toBeGreaterThan(0.5);
    const file = comps.find((c) => c['bom-ref'] === 'model-file:models/support-lora/adapter_model.safetensors')!;
    expect(file.hashes[0].alg).toBe('SHA-256');
    expect(file.hashes[0].content).toMatch(/^[a-f0-9]{64}$/);
    const squad = comps.find((c) => c['bom-ref'] === 'dataset:rajpurkar/squad')!;
    expect(squad.type).toBe('data');
    expect(squad.data[0].type).toBe('dataset');
    const services = bom.services as J[];
    expect(services.map((s) => s['bom-ref'])).toEqual(expect.arrayContaining(['llm-provider:openai', 'vector-store:chroma']));
    const deps = bom.dependencies as J[];
    expect(deps.find((d) => d.ref === 'model-dir:models/support-lora')!.dependsOn).toContain('pkg:huggingface/mistralai/Mistral-7B-Instruct-v0.3');
    const app = deps.find((d) => d.ref === bom.metadata.component['bom-ref'])!;
    expect(app.dependsOn).toEqual(expect.arrayContaining(['model:openai/gpt-4o-mini', 'pkg:pypi/langchain-openai']));
  });

  it('lists managed AI services as services and container images with docker purls', async () => {
    const bom = (await bomOf('vllm-ray-k8s')) as J;
    const vllm = (bom.components as J[]).find((c) => c['bom-ref'] === 'pkg:docker/vllm/vllm-openai@v0.6.4')!;
    expect(vllm.type).toBe('container');
    expect(vllm.purl).toBe('pkg:docker/vllm/vllm-openai@v0.6.4');
    const deploy = (bom.dependencies as J[]).find((d) => d.ref === 'k8s:inference/Deployment/llama-vllm')!;
    expect(deploy.dependsOn).toEqual(expect.arrayContaining(['pkg:docker/vllm/vllm-openai@v0.6.4', 'pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct', 'k8s:inference/Service/llama-vllm']));
    const tf = (await bomOf('terraform-ai')) as J;
    const agent = (tf.services as J[]).find((s) => s['bom-ref'] === 'tf:aws_bedrockagent_agent.support')!;
    expect(agent.provider).toEqual({ name: 'aws' });
  });
});
