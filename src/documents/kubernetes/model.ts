/**
 * Typed Kubernetes documents: the objects of one manifest file (with positions), the uniform view
 * of their pod templates, and the project view (every object of the target) on which exposure is
 * computed across files.
 */
import type { YamlDoc, YamlParse, YamlPath } from '../yaml.js';
import type { RunView } from '../run-view.js';

export interface K8sObject {
  path: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** `Kind/namespace/name`: stable key of the object. */
  ref: string;
  /** Line of `kind:` (where discovery places the object). */
  line: number;
  value: Record<string, unknown>;
  /** Path of the object inside its YAML document (`[]`, or `['items', i]` in a `List`). */
  base: YamlPath;
  doc: YamlDoc;
}

export interface K8sFile {
  objects: K8sObject[];
  /** YAML documents that could not be read (reported by discovery as notes). */
  errors: string[];
  /** YAML library warnings (reported by discovery as notes). */
  warnings?: string[];
  /** A Helm values file (`values*.yaml`): its documents, read by the BOM and the toolkit-version check. */
  values?: YamlParse;
}

export interface Located<T> {
  value: T;
  line: number;
}

export interface ContainerView {
  name: string;
  /** `containers`, `initContainers`, or `model` (a KServe predictor's model spec). */
  list: string;
  /** Absolute YAML path of the container. */
  at: YamlPath;
  line: number;
  value: Record<string, unknown>;
  securityContext: Record<string, unknown>;
  gpu: boolean;
}

export interface PodView {
  object: K8sObject;
  /** Absolute YAML path of the pod spec. */
  at: YamlPath;
  spec: Record<string, unknown>;
  /** Labels the pods get (template labels, plus those an operator adds: `ray.io/node-type`). */
  labels: Record<string, string>;
  role?: RunView['role'];
  containers: ContainerView[];
  gpu: boolean;
  /** Flags the operator adds to every container's command (Ray `rayStartParams` → `ray start --k=v`). */
  extraArgs: Located<string>[];
  /** Line of a YAML path of this object. */
  lineOf(path: YamlPath): number;
}

export interface K8sProject {
  objects: K8sObject[];
  /** Helm values files of the target, by path. */
  values: { path: string; parse: YamlParse }[];
  pods: PodView[];
  /** One run view per container, with the exposures that reach it. */
  runs: (RunView & { pod: PodView; container: ContainerView })[];
}
