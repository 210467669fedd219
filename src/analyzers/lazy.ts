/**
 * The analyzer registry of index.ts as light catalogue entries (issue 15): same analyzers, same
 * order, but each module is loaded only when a file of the target may need it. `mayWant` is a cheap
 * test on path, name, extension and size that accepts every file the analyzer's own `match` accepts
 * (test/analyzers/lazy.test.ts checks that on every file of the repository and on a list of edge
 * cases); the analyzer's `match` still decides among the files once it is loaded. An entry no file
 * wants costs nothing but its rules' metadata, which is data (rule-catalog.ts).
 *
 * Keep the order and the names equal to index.ts (the test checks that too).
 */
import type { Analyzer, AnalyzerResult, Enricher, FileInfo, LazyAnalyzer, LazyEnricher, ScannerName } from '../core/analyzer.js';
import { MODEL_EXTENSIONS, PICKLE_ARCHIVE_EXTENSIONS } from '../models/identify.js';
import { analyzerRules, enricherRules } from './rule-catalog.js';

const YAML = ['.yaml', '.yml'];
const TERRAFORM = ['.tf', '.tfvars'];
const CLOUDFORMATION = ['.yaml', '.yml', '.json', '.template'];
const SOURCE = ['.py', '.pyw', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.go'];

/** A test on the extension or the name (both lower-cased in FileInfo). */
function byExtOrName(extensions: readonly string[], names: readonly string[] = []): (f: FileInfo) => boolean {
  const ext = new Set(extensions);
  const name = new Set(names);
  return (f) => ext.has(f.ext) || name.has(f.name);
}

const isDockerfile = (f: FileInfo) => f.name === 'dockerfile' || f.name === 'containerfile' || f.name.startsWith('dockerfile.') || f.name.endsWith('.dockerfile');

const modelFile = byExtOrName([...MODEL_EXTENSIONS, ...PICKLE_ARCHIVE_EXTENSIONS]);

// Weights by extension, graphs and configs by name; chat_template.jinja and additional_chat_templates/*.jinja.
const modelFormatFile = byExtOrName(
  ['.h5', '.hdf5', '.keras', '.onnx', '.gguf', '.safetensors', '.bin', '.model', '.ggml', '.jinja'],
  ['saved_model.pb', 'keras_metadata.pb', 'tokenizer_config.json', 'chat_template.json', 'config.json'],
);

const packageFile = byExtOrName(
  ['.txt', '.in', '.yaml', '.yml', '.json', '.toml', '.lock', '.cfg', '.mod', '.sum', '.csproj', '.xml', '.gradle', '.kts', '.resolved'],
  ['pipfile', 'metadata', 'pkg-info', 'gemfile'],
);

const AGENT_RULE_DIR = /(?:^|\/)(?:\.cursor\/rules|\.windsurf\/rules|\.clinerules)\//i;
const agentInstructions = (f: FileInfo) =>
  f.ext === '.md' || f.name === '.cursorrules' || f.name === '.windsurfrules' || f.name === '.clinerules' || SOURCE.includes(f.ext) || AGENT_RULE_DIR.test(f.path);

function entry(name: string, scanner: ScannerName | undefined, mayWant: (f: FileInfo) => boolean, load: () => Promise<Analyzer>): LazyAnalyzer {
  let loading: Promise<Analyzer> | undefined;
  let loaded: Analyzer | undefined;
  return {
    name,
    ...(scanner ? { scanner } : {}),
    // Once loaded, the module's own list (a list may grow as rules fire, like the advisory rules).
    get rules() {
      return loaded?.rules ?? analyzerRules(name);
    },
    mayWant,
    load: () => (loading ??= load().then((a) => (loaded = a))),
  };
}

/** Every registered analyzer, in the order of index.ts. */
export const lazyAnalyzers: LazyAnalyzer[] = [
  entry('secrets', 'secret', () => true, async () => (await import('../secrets/analyzer.js')).secretsAnalyzer),
  entry('model-pickle', 'model', modelFile, async () => (await import('./model-pickle.js')).modelPickleAnalyzer),
  entry('model-formats', 'model', modelFormatFile, async () => (await import('../models/formats-analyzer.js')).modelFormatsAnalyzer),
  entry('packages', undefined, packageFile, async () => (await import('./packages.js')).packagesAnalyzer),
  entry('bom-code', undefined, byExtOrName(['.ipynb', ...SOURCE]), async () => (await import('../discovery/code/analyzer.js')).codeAnalyzer),
  entry('bom-model-files', undefined, byExtOrName([...MODEL_EXTENSIONS]), async () => (await import('../discovery/model-files.js')).modelFileAnalyzer),
  entry(
    'bom-model-sidecars',
    undefined,
    byExtOrName([], ['config.json', 'adapter_config.json', 'readme.md', 'modelfile', 'mlmodel', 'config.pbtxt']),
    async () => (await import('../discovery/model-sidecars.js')).modelSidecarAnalyzer,
  ),
  entry('bom-k8s', undefined, byExtOrName(YAML), async () => (await import('../discovery/infra/k8s.js')).k8sAnalyzer),
  entry('bom-compose', undefined, byExtOrName(YAML), async () => (await import('../discovery/infra/compose.js')).composeAnalyzer),
  entry('bom-dockerfile', undefined, isDockerfile, async () => (await import('../discovery/infra/dockerfile.js')).dockerfileAnalyzer),
  entry('bom-terraform', undefined, byExtOrName(TERRAFORM), async () => (await import('../discovery/infra/terraform.js')).terraformAnalyzer),
  entry('bom-image-config', undefined, byExtOrName([], ['image-config.json']), async () => (await import('../discovery/infra/image-config.js')).imageConfigAnalyzer),
  entry(
    'bom-shell-scripts',
    undefined,
    (f) => f.ext === '.sh' || f.ext === '.bash' || f.name.includes('entrypoint') || f.name.startsWith('start'),
    async () => (await import('../discovery/infra/shell-scripts.js')).shellScriptAnalyzer,
  ),
  entry('bom-ray-serve', undefined, byExtOrName(YAML), async () => (await import('../discovery/infra/ray-serve.js')).rayServeAnalyzer),
  entry('bom-dotenv', undefined, (f) => f.name === '.env' || f.name.startsWith('.env.'), async () => (await import('../discovery/infra/dotenv.js')).dotenvAnalyzer),
  entry('posture-terraform', 'misconfig', byExtOrName(TERRAFORM), async () => (await import('../posture/terraform/analyzer.js')).terraformPostureAnalyzer),
  entry('posture-cloudformation', 'misconfig', byExtOrName(CLOUDFORMATION), async () => (await import('../posture/cloudformation/analyzer.js')).cloudFormationPostureAnalyzer),
  entry('posture-kubernetes', 'misconfig', byExtOrName(YAML), async () => (await import('../posture/kubernetes/analyzer.js')).kubernetesPostureAnalyzer),
  entry('posture-compose', 'misconfig', byExtOrName(YAML), async () => (await import('../posture/compose/analyzer.js')).composePostureAnalyzer),
  entry('posture-dockerfile', 'misconfig', isDockerfile, async () => (await import('../posture/dockerfile/analyzer.js')).dockerfilePostureAnalyzer),
  entry('posture-workflow', 'misconfig', byExtOrName(YAML), async () => (await import('../posture/workflow/index.js')).workflowAnalyzer),
  entry('posture-agent-config', 'misconfig', byExtOrName(['.json', '.toml']), async () => (await import('../posture/agent-config/index.js')).agentConfigAnalyzer),
  entry('posture-agent-instructions', 'misconfig', agentInstructions, async () => (await import('../posture/agent-instructions/index.js')).agentInstructionsAnalyzer),
  entry('graph-infra', undefined, byExtOrName([...CLOUDFORMATION, ...TERRAFORM]), async () => (await import('../paths/infra-analyzer.js')).graphInfraAnalyzer),
];

function lazyEnricher(name: string, scanner: ScannerName | undefined, whenEmpty: AnalyzerResult, load: () => Promise<Enricher>): LazyEnricher {
  let loading: Promise<Enricher> | undefined;
  let loaded: Enricher | undefined;
  return {
    name,
    ...(scanner ? { scanner } : {}),
    // Once loaded, the module's own list: the advisory enricher adds a rule per advisory that fires.
    get rules() {
      return loaded?.rules ?? enricherRules(name);
    },
    whenEmpty,
    load: () => (loading ??= load().then((e) => (loaded = e))),
  };
}

/** The enrichers of index.ts, in order, with what each returns when there is nothing to enrich. */
export const lazyEnrichers: LazyEnricher[] = [
  lazyEnricher('vuln', 'vuln', { findings: [] }, async () => (await import('../vuln/enricher.js')).vulnEnricher),
  lazyEnricher('bom-graph', undefined, { assets: [] }, async () => (await import('../discovery/graph.js')).bomGraphEnricher),
  lazyEnricher('attack-paths', undefined, { findings: [], notes: [], paths: { version: 1, items: [] }, assets: [] }, async () => (await import('../paths/enricher.js')).pathsEnricher),
];
