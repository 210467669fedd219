/**
 * The neutral view of "something that runs a process" shared by the Kubernetes, compose and
 * Dockerfile documents: a container (or a compose service, or the final stage of a Dockerfile) with
 * its image, command line, environment, ports and how it is reached from outside. AI-server checks
 * (Ray, Jupyter, Ollama, vLLM …) are written once over this view and reported per document kind.
 */

export interface Located<T> {
  value: T;
  line: number;
}

export interface EnvVar {
  name: string;
  /** Literal value; undefined when taken from a Secret/ConfigMap or not set (`- FOO` in compose). */
  value?: string;
  line: number;
}

/** A way the workload is reached from outside its host or cluster. */
export interface Exposure {
  /** What exposes it: `Service ai-lab/vllm (LoadBalancer)`, `Ingress ai-lab/web`, `hostNetwork`, `port 0.0.0.0:8265`. */
  via: string;
  /** Container ports that are reached, or 'all' (host network, a Service whose target cannot be resolved). */
  ports: number[] | 'all';
  path: string;
  line: number;
}

export interface RunView {
  /** File holding the container definition. */
  path: string;
  /** BOM asset id of the workload as discovery emits it. */
  assetId: string;
  /** Stable key, independent of lines: `Deployment/ai-lab/vllm/containers/vllm`. */
  key: string;
  /** Human name: `Deployment ai-lab/vllm, container vllm`. */
  label: string;
  /** Line of the container (or the object, service, stage). */
  line: number;
  image?: Located<string>;
  /** command + args (or entrypoint + command), split into tokens, each with its line. */
  argv: Located<string>[];
  env: EnvVar[];
  /**
   * Sources of variables whose keys are unknown (a Kubernetes `envFrom` Secret/ConfigMap not among
   * the scanned documents): any variable may be set by them.
   */
  envUnresolved?: Located<string>[];
  /** Ports the process listens on, as declared. */
  ports: { port: number; name?: string; line: number }[];
  /** Requests or is scheduled on accelerators. */
  gpu: boolean;
  /** External exposures reaching this workload (empty = only reachable inside its network). */
  exposure: Exposure[];
  /** Set when the owning object says what it is (a Ray CRD, a KServe predictor, a Kubeflow notebook). */
  role?: 'ray-head' | 'ray-worker' | 'notebook' | 'model-server';
}

/** Shell-ish split of one command/args element; quotes around whole tokens are dropped. */
export function splitArgs(value: string): string[] {
  const out: string[] = [];
  for (const t of value.split(/\s+/)) if (t) out.push(t);
  return out;
}

/** The exposure that reaches `port`, if any. */
export function exposureOf(run: RunView, port: number): Exposure | undefined {
  return run.exposure.find((e) => e.ports === 'all' || e.ports.includes(port));
}

export function envOf(run: RunView, name: string): EnvVar | undefined {
  return run.env.find((e) => e.name === name);
}

/**
 * Whether `name` is, or may be, set: declared, or possibly set by a source whose keys are unknown.
 * A check that fires on a *missing* variable (no API key, no auth mode) asks this, not `envOf`.
 */
export function envMayBeSet(run: RunView, name: string): boolean {
  return !!envOf(run, name) || !!run.envUnresolved?.length;
}

/** Value of `--flag value` or `--flag=value` in argv (undefined = absent, '' = present without value). */
export function flagOf(run: RunView, ...flags: string[]): Located<string> | undefined {
  for (let i = 0; i < run.argv.length; i++) {
    const t = run.argv[i].value;
    for (const f of flags) {
      if (t === f) {
        const next = run.argv[i + 1];
        return { value: next && !next.value.startsWith('-') ? next.value : '', line: run.argv[i].line };
      }
      if (t.startsWith(`${f}=`)) return { value: t.slice(f.length + 1), line: run.argv[i].line };
    }
  }
  return undefined;
}

/** Unquoted: `''`, `""`, `"x"` → ``, ``, `x`. */
export function unquote(v: string): string {
  return v.replace(/^(['"])(.*)\1$/, '$2');
}
