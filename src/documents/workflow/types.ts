/**
 * The typed GitHub Actions document: a workflow (`.github/workflows/*.yml`) or a composite action
 * (`action.yml`), with the 1-based line of everything a rule points at. Values are kept as written
 * (strings); `${{ }}` expressions are not evaluated.
 */

/** `read-all`, `write-all`, a scope map (`{ contents: write }`), or `{}` (no access). */
export type Permissions = 'read-all' | 'write-all' | Record<string, string>;

export interface Trigger {
  /** Event name: `push`, `pull_request_target`, `issue_comment` … */
  name: string;
  line: number;
  /** The event's configuration (`types`, `branches` …) as parsed, or undefined. */
  config: unknown;
}

/** A string value with the line where it is written. */
export interface Located {
  value: string;
  line: number;
  /** True when the value is a block scalar (`|`/`>`), whose content starts on the line after the key. */
  block?: boolean;
}

export interface Step {
  index: number;
  line: number;
  id?: string;
  name?: string;
  /** `owner/repo[/path]@ref`, `./local/action`, or `docker://image`. */
  uses?: Located;
  run?: Located;
  shell?: string;
  if?: Located;
  with: Record<string, Located>;
  env: Record<string, Located>;
}

export interface Job {
  id: string;
  line: number;
  name?: string;
  /** Labels of `runs-on` (a string, a list, or a `group`/`labels` map flattened), as written. */
  runsOn: Located[];
  permissions?: Permissions;
  permissionsLine?: number;
  if?: Located;
  env: Record<string, Located>;
  steps: Step[];
  /** Reusable workflow call: `org/repo/.github/workflows/x.yml@ref` or `./.github/workflows/x.yml`. */
  uses?: Located;
  with: Record<string, Located>;
  /** `secrets: inherit`, or the explicit secret map of a reusable call. */
  secrets?: 'inherit' | Record<string, Located>;
  secretsLine?: number;
  /** `environment:` name (deployment protection rules may require approval). */
  environment?: string;
}

export interface WorkflowDoc {
  /** `workflow` for .github/workflows files; `action` for composite action.yml (one pseudo-job `(composite)`). */
  type: 'workflow' | 'action';
  name?: string;
  triggers: Trigger[];
  onLine: number;
  permissions?: Permissions;
  permissionsLine?: number;
  env: Record<string, Located>;
  jobs: Job[];
  /** The source text split into lines (for evidence and for lines inside block scalars). */
  lines: string[];
}

/** The project view: every workflow and action file of the target, sorted by path. */
export interface WorkflowProject {
  files: { path: string; document: WorkflowDoc }[];
}
