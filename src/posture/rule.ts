/**
 * The posture rule contract (STYLE.md §5, like ESLint's rule modules): one rule = one small module
 * exporting its metadata and a pure check over one kind of document. Checks never parse files and
 * never do I/O; they read the typed documents that the kind's memoised parser produced.
 */
import type { RuleMeta, Severity } from '../core/model.js';

/** What a check reports: where, what, and optional overrides of the rule's metadata. */
export interface PostureHit {
  /** Target-relative path of the file holding the offending attribute (or the resource). */
  path: string;
  /** 1-based line of the offending attribute, or of the resource when an attribute is missing. */
  line: number;
  endLine?: number;
  /** What is wrong here, naming the resource; say what default applies when an attribute is missing. */
  message: string;
  /** Redacted evidence: the offending attribute as written (`direct_internet_access = "Enabled"`). */
  evidence?: string;
  /** The BOM asset of the resource or workload (for attack paths). */
  assetId?: string;
  /** Raise or lower the rule's severity for this hit (e.g. a bucket that holds training data). */
  severity?: Severity;
  /** A fix specific to this hit (the fixed snippet); defaults to the rule's remediation. */
  remediation?: string;
  /**
   * What distinguishes two hits of one rule in one file, independent of line numbers: the resource
   * address (`aws_s3_bucket.data`), the object (`Deployment/ns/name`) plus the attribute path.
   */
  key: string;
  properties?: Record<string, unknown>;
  /**
   * The peer ids this hit corresponds to, when the rule covers several peer checks (one aigis rule for
   * Checkov's model-key and volume-key checks): a subset of the rule's `aliases`. Defaults to all.
   */
  aliases?: string[];
}

/**
 * A posture rule over the project view `P` of one document kind (for example every Terraform file of
 * one module, or every Kubernetes object of the target, so that exposure can be computed across files).
 */
export interface PostureRule<P> {
  /** Metadata; `aliases` lists the equivalent ids of other tools (Checkov, Trivy, KICS, Kubescape, zizmor). */
  meta: RuleMeta & { aliases?: string[] };
  check(project: P): PostureHit[];
}

/**
 * A document kind: which files it reads, its memoised parser, and how parsed files group into the
 * project views that rules check. Discovery (assets) reads the same documents.
 */
export interface DocumentKind<D, P> {
  /** Short name: `terraform`, `kubernetes`, `compose`, `dockerfile`, `workflow`, `agent-config` … */
  name: string;
  /**
   * Optional one-time asynchronous set-up (loading a WASM grammar) so that `parse` can stay
   * synchronous; awaited before the first parse.
   */
  ready?(): Promise<void>;
  /** Cheap path test (whether a file is of this kind, whatever its size); no I/O. See `kindReads`. */
  match(file: { path: string; name: string; ext: string; size: number }): boolean;
  /** Larger files are not read. */
  maxBytes: number;
  /**
   * A file of this kind over `maxBytes` gets a note saying it was not read (kinds matched by a specific
   * name or extension); kinds that match generic extensions (.yaml, .json, source files) skip such
   * files silently, since most large ones are data, not documents of the kind.
   */
  noteTooLarge?: boolean;
  /**
   * Parse one file (pure; no I/O). `undefined` when the content turns out not to be of this kind
   * (a YAML file that is no Kubernetes manifest). Problems become `notes`, never exceptions.
   */
  parse(input: { path: string; text: string }): { document?: D; notes?: string[] };
  /** Group every parsed file (sorted by path) into project views. */
  project(documents: { path: string; document: D }[]): P[];
}

/** Whether a kind reads a file: of the kind and within its size cap. */
export function kindReads(kind: Pick<DocumentKind<unknown, unknown>, 'match' | 'maxBytes'>, file: { path: string; name: string; ext: string; size: number }): boolean {
  return file.size <= kind.maxBytes && kind.match(file);
}
