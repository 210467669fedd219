/**
 * Catalogues (data) for GitHub Actions checks: which expression contexts an outsider controls, which
 * triggers run with the base repository's token and secrets on outsider input, and which actions are
 * first-party. Sources: GitHub Security Lab "Keeping your GitHub Actions and workflows secure" parts 1–2,
 * and zizmor's template-injection and dangerous-triggers audits.
 */

/**
 * Expression contexts whose value an outsider writes (titles, bodies, branch names, commit messages,
 * author names and e-mails). `*` stands for one path segment (array index or key).
 */
export const ATTACKER_CONTEXTS: readonly string[] = [
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.pull_request.head.repo.description',
  'github.event.pull_request.head.repo.homepage',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.head_commit.committer.email',
  'github.event.head_commit.committer.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.workflow_run.display_title',
  'github.head_ref',
];

/**
 * Triggers that run with the base repository's token and secrets while an outsider controls the
 * event (a fork's pull request, a comment, an issue, the run of a fork's workflow).
 */
export const PRIVILEGED_UNTRUSTED_TRIGGERS: readonly string[] = [
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
];

/** Triggers that run code or text from a pull request (fork pull requests included). */
export const PULL_REQUEST_TRIGGERS: readonly string[] = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'issue_comment',
  'workflow_run',
  'merge_group',
];

/** Owners whose actions GitHub publishes (zizmor's default unpinned-uses policy allows a tag for them). */
export const FIRST_PARTY_OWNERS: readonly string[] = ['actions', 'github'];

/** Refs (in `ref:` of a checkout, or fetched by a run step) that point at the pull request's code. */
export const PR_HEAD_REFS: readonly RegExp[] = [
  /github\.event\.pull_request\.head\.(?:sha|ref)/,
  /github\.head_ref/,
  /github\.event\.workflow_run\.head_(?:sha|branch)/,
  /refs\/pull\//,
  /github\.event\.pull_request\.merge_commit_sha/,
  /github\.event\.issue\.pull_request/,
  /github\.event\.pull_request\.head\.repo\.full_name/,
  /github\.event\.workflow_run\.head_repository\.full_name/,
];

/** Run-step commands that fetch and switch to a pull request's code. */
export const PR_CHECKOUT_COMMANDS: readonly RegExp[] = [/\bgh\s+pr\s+checkout\b/, /\bgit\s+fetch\b[^\n]*\bpull\/(?:\$\{\{[^}\n]*\}\}|[^\s/]+)\/(?:head|merge)/, /\bhub\s+pr\s+checkout\b/];

/**
 * Action inputs that are evaluated as code (CodeQL's and zizmor's code-injection sinks): an expansion
 * into them is as dangerous as one into `run:`.
 */
export const CODE_SINK_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'actions/github-script': ['script'],
  'mikefarah/yq': ['cmd'],
  'addnab/docker-run-action': ['run'],
  'appleboy/ssh-action': ['script'],
  'jannekem/run-python-script-action': ['script'],
};
