/**
 * Held-out measure of the posture rules against peer tools' labelled fixtures (issue 11, "Done when").
 *
 * Reads fixtures in Checkov's test layout:
 *   tests/<framework>/checks/resource/<provider>/example_<Check>/<files>   (terraform, cloudformation)
 *   tests/<framework>/checks/resource/<provider>/test_<Check>.py           (passing_resources / failing_resources)
 *   checkov/<framework>/checks/resource/<provider>/<Check>.py              (id = "CKV_…", supported_resources)
 * and, where the Python test or check file is absent (our own sample), labels written in the fixture:
 *   `# check: CKV_AWS_122` anywhere in a file, and `# pass` / `# fail` on the line(s) just above a
 *   Terraform resource or a CloudFormation logical id; Checkov's `-PASSED` / `-FAILED` file names and
 *   resources named `pass…` / `fail…` are read too.
 *
 * For each aigis rule whose `aliases` hold the peer id, it counts the resources the peer labels failing
 * that the rule flags AT that resource (a finding whose line lies inside the resource), and the
 * resources labelled passing that draw a finding of the rule. Known peer errors and deliberate
 * divergences are counted apart, with the reason, so that they neither hide nor inflate the figures.
 *
 * Pure except for reading the fixture tree; the caller supplies the scan function.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/**
 * Peer labels that are wrong: aigis must disagree (flag a resource the peer passes). `applies` sees
 * the resource's text.
 */
export const PEER_ERRORS = [
  {
    check: 'CKV_AWS_122',
    framework: 'terraform',
    applies: (text) => !/\bdirect_internet_access\b/.test(text),
    why: "Checkov passes a notebook without direct_internet_access, but AWS's default is Enabled (the notebook has a direct route to the internet)",
  },
];

/** Deliberate differences of scope or default: counted apart, never as agreement or error. */
export const DIVERGENT = [
  {
    check: 'CKV_AWS_19',
    framework: 'cloudformation',
    applies: (text) => !/BucketEncryption/.test(text),
    why: 'Checkov passes a bucket without BucketEncryption (S3 applies SSE-S3 by default); aigis asks for encryption declared with a customer-managed key',
  },
];

/**
 * Checks where the aigis rule is deliberately narrower than the peer's: a resource the peer labels failing
 * outside the AI scope is left out of the recall (the peer's fixtures test the general check on resources
 * no AI workload uses). Passing resources always count: a finding on one is a false positive.
 */
export const SCOPES = {
  CKV_AWS_96: { why: 'aigis checks the Aurora clusters that back a Bedrock knowledge base', inScope: (fixtureText) => /aws_bedrockagent_knowledge_base|AWS::Bedrock::KnowledgeBase/.test(fixtureText) },
  CKV_AWS_17: { why: 'aigis checks the database instances that back a Bedrock knowledge base', inScope: (fixtureText) => /aws_bedrockagent_knowledge_base|AWS::Bedrock::KnowledgeBase/.test(fixtureText) },
  CKV_AWS_355: { why: 'aigis checks bedrock:* / sagemaker:* / * on Resource "*"', inScope: (_f, text) => /["'\s[](?:bedrock|sagemaker):\*|["']\*["']\s*[\],]/.test(text) },
  CKV_AWS_286: { why: 'aigis checks iam:PassRole on Resource "*"', inScope: (_f, text) => /iam:(?:PassRole|\*|Pass\*)|"\*"/i.test(text) },
};

const FRAMEWORKS = { terraform: 'tf/', cloudformation: 'cfn/' };
const MAX_FILE = 1024 * 1024;

function walk(dir, out, depth = 0) {
  if (depth > 12) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('example_')) out.push(p);
      walk(p, out, depth + 1);
    }
  }
  return out;
}

const read = (p) => {
  try {
    return statSync(p).size <= MAX_FILE ? readFileSync(p, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** `{ "a", "b" }` sets of a Checkov Python test (`passing_resources = {…}`). */
function pySet(text, name) {
  const m = new RegExp(`${name}\\s*=\\s*[{[]([^}\\]]*)[}\\]]`).exec(text);
  return m ? new Set([...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1])) : undefined;
}

/** Framework and peer check of an example directory, from Checkov's layout or our `# check:` marker. */
function describeFixture(root, dir) {
  const parts = relative(root, dir).split(sep);
  const t = parts.lastIndexOf('tests');
  const framework = t >= 0 ? parts[t + 1] : parts.find((p) => p in FRAMEWORKS);
  if (!(framework in FRAMEWORKS)) return undefined;
  const name = basename(dir).slice('example_'.length);
  const files = readdirSync(dir).filter((f) => /\.(?:tf|ya?ml|json|template)$/.test(f)).sort();
  const texts = Object.fromEntries(files.map((f) => [f, read(join(dir, f))]).filter(([, t]) => t !== undefined));
  const testPy = read(join(dirname(dir), `test_${name}.py`));
  let check;
  let supported;
  if (t >= 0) {
    const checkPy = read(join(root, ...parts.slice(0, t), 'checkov', framework, ...parts.slice(t + 2, -1), `${name}.py`));
    if (checkPy) {
      check = /\bid\s*=\s*["']([A-Z0-9_]+)["']/.exec(checkPy)?.[1];
      const s = /supported_resources\s*=\s*[([]([^)\]]*)[)\]]/.exec(checkPy);
      if (s) supported = new Set([...s[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]));
    }
  }
  check ??= Object.values(texts).map((x) => /#\s*check:\s*([A-Z0-9_]+)/.exec(x)?.[1]).find(Boolean);
  if (!check) return undefined;
  return { dir, name, framework, check, files: texts, passing: testPy && pySet(testPy, 'passing_resources'), failing: testPy && pySet(testPy, 'failing_resources'), supported };
}

/** Label from `# pass` / `# fail` on the lines just above `line` (1-based). */
function commentLabel(lines, line) {
  for (let i = line - 2; i >= 0 && i >= line - 4; i--) {
    const l = lines[i].trim();
    if (!l) continue;
    const m = /^(?:#|\/\/)\s*(pass|fail)\b/i.exec(l);
    if (m) return m[1].toLowerCase();
    if (!l.startsWith('#') && !l.startsWith('//')) return undefined;
  }
  return undefined;
}

/** Top-level Terraform resources with their line ranges. */
function tfResources(text) {
  const lines = text.split('\n');
  const starts = [];
  lines.forEach((l, i) => {
    const m = /^(resource|data)\s+"([^"]+)"\s+"([^"]+)"/.exec(l);
    if (m) starts.push({ id: `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`, type: m[2], name: m[3], start: i + 1 });
    else if (/^(?:module|variable|locals|provider|output|terraform)\b/.test(l)) starts.push({ start: i + 1 });
  });
  return starts
    .map((s, k) => ({ ...s, end: (starts[k + 1]?.start ?? lines.length + 1) - 1 }))
    .filter((s) => s.id)
    .map((s) => ({ ...s, text: lines.slice(s.start - 1, s.end).join('\n'), comment: commentLabel(lines, s.start) }));
}

/** CloudFormation resources (YAML or JSON) with their line ranges. */
function cfnResources(text) {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, strict: false, uniqueKeys: false });
  } catch {
    return [];
  }
  const res = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'Resources')?.value : undefined;
  if (!isMap(res)) return [];
  const lines = text.split('\n');
  const items = res.items.filter((p) => isScalar(p.key) && p.key.range);
  return items.map((p, k) => {
    const start = lc.linePos(p.key.range[0]).line;
    const next = items[k + 1];
    const end = next ? lc.linePos(next.key.range[0]).line - 1 : lc.linePos(res.range[1]).line;
    const type = isMap(p.value) ? p.value.items.find((x) => isScalar(x.key) && x.key.value === 'Type')?.value?.value : undefined;
    const name = String(p.key.value);
    return { id: `${type}.${name}`, type, name, start, end, text: lines.slice(start - 1, end).join('\n'), comment: commentLabel(lines, start) };
  });
}

/** The labelled resources of one fixture: `{ file, id, start, end, text, label }`. */
export function labelledResources(fx) {
  const out = [];
  for (const [file, text] of Object.entries(fx.files)) {
    const resources = fx.framework === 'terraform' ? tfResources(text) : cfnResources(text);
    const fromName = /-(PASSED|FAILED)\./i.exec(file)?.[1]?.toLowerCase();
    for (const r of resources) {
      let label;
      if (fx.passing || fx.failing) label = fx.failing?.has(r.id) || fx.failing?.has(r.name) ? 'fail' : fx.passing?.has(r.id) || fx.passing?.has(r.name) ? 'pass' : undefined;
      else label = r.comment ?? (fromName && (!fx.supported || fx.supported.has(r.type)) ? (fromName === 'passed' ? 'pass' : 'fail') : /^(pass|fail)(?:[_-]|\d|$)/i.exec(r.name)?.[1]?.toLowerCase());
      if (label) out.push({ file, ...r, label });
    }
  }
  return out;
}

/** Every fixture under `root` whose peer check is an alias of an aigis rule of the same framework. */
export function findFixtures(root, rules) {
  const byAlias = new Map();
  for (const r of rules) for (const a of r.aliases ?? []) for (const [fw, prefix] of Object.entries(FRAMEWORKS)) if (r.id.startsWith(prefix)) byAlias.set(`${fw}:${a}`, [...(byAlias.get(`${fw}:${a}`) ?? []), r.id]);
  const out = [];
  for (const dir of walk(root, []).sort()) {
    const fx = describeFixture(root, dir);
    if (!fx) continue;
    const ruleIds = byAlias.get(`${fx.framework}:${fx.check}`);
    if (ruleIds) out.push({ ...fx, ruleIds });
  }
  return out;
}

/**
 * Runs `scanDir(dir) → findings` over every fixture and returns one row per (aigis rule, peer check):
 * failing / failing flagged, passing / passing flagged, peer errors (flagged / total), divergent and
 * out-of-scope counts.
 */
export async function measure(root, rules, scanDir) {
  const rows = new Map();
  const details = [];
  for (const fx of findFixtures(root, rules)) {
    const findings = await scanDir(fx.dir);
    const fixtureText = Object.values(fx.files).join('\n');
    for (const res of labelledResources(fx)) {
      for (const ruleId of fx.ruleIds) {
        const key = `${ruleId}\u0000${fx.check}`;
        const row = rows.get(key) ?? { rule: ruleId, check: fx.check, fail: 0, failFlagged: 0, pass: 0, passFlagged: 0, peerWrong: 0, peerWrongFlagged: 0, divergent: 0, outOfScope: 0 };
        rows.set(key, row);
        // A finding answers to the peer check when its aliases name it (a rule covering several peer
        // checks says per finding which one), at a line inside the resource.
        const flagged = findings.some((f) => f.ruleId === ruleId && (f.properties?.aliases ?? []).includes(fx.check) && f.location.path === res.file && f.location.startLine >= res.start && f.location.startLine <= res.end);
        const scope = SCOPES[fx.check];
        const match = (list) => list.find((e) => e.check === fx.check && e.framework === fx.framework && e.applies(res.text));
        let bucket;
        if (res.label === 'fail' && scope && !scope.inScope(fixtureText, res.text)) bucket = 'outOfScope';
        else if (res.label === 'pass' && match(PEER_ERRORS)) bucket = 'peerWrong';
        else if (res.label === 'pass' && match(DIVERGENT)) bucket = 'divergent';
        else bucket = res.label;
        if (bucket === 'outOfScope' || bucket === 'divergent') row[bucket]++;
        else {
          row[bucket]++;
          if (flagged) row[`${bucket}Flagged`]++;
        }
        details.push({ rule: ruleId, check: fx.check, fixture: relative(root, fx.dir), file: res.file, resource: res.id, line: res.start, label: res.label, bucket, flagged });
      }
    }
  }
  return { rows: [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.check.localeCompare(b.check)), details };
}

/** Totals over rows: recall on failing, false-positive share on passing. */
export function totals(rows) {
  const t = rows.reduce((a, r) => ({ fail: a.fail + r.fail, failFlagged: a.failFlagged + r.failFlagged, pass: a.pass + r.pass, passFlagged: a.passFlagged + r.passFlagged, peerWrong: a.peerWrong + r.peerWrong, peerWrongFlagged: a.peerWrongFlagged + r.peerWrongFlagged }), { fail: 0, failFlagged: 0, pass: 0, passFlagged: 0, peerWrong: 0, peerWrongFlagged: 0 });
  return { ...t, recall: t.fail ? t.failFlagged / t.fail : NaN, falsePositive: t.pass ? t.passFlagged / t.pass : NaN };
}


/**
 * Older Checkov tests hold their fixtures inline: `hcl2.loads("""<resource>""")` followed by
 * `assertEqual(CheckResult.FAILED|PASSED, …)`. Returns one case per test method, `{ name, check, hcl, label }`,
 * for tests without an example directory, so that the bench can write them out as fixtures.
 */
export function inlineCases(root) {
  const out = [];
  const visit = (dir, depth) => {
    if (depth > 12) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') visit(p, depth + 1);
      else if (/^test_\w+\.py$/.test(e.name) && p.split(sep).includes('terraform')) {
        const name = e.name.slice(5, -3);
        if (entries.some((x) => x.isDirectory() && x.name === `example_${name}`)) continue;
        const text = read(p);
        if (!text?.includes('hcl2.loads')) continue;
        const parts = relative(root, dir).split(sep);
        const t = parts.lastIndexOf('tests');
        const checkPy = t >= 0 ? read(join(root, ...parts.slice(0, t), 'checkov', ...parts.slice(t + 1), `${name}.py`)) : undefined;
        const check = checkPy && /\bid\s*=\s*["']([A-Z0-9_]+)["']/.exec(checkPy)?.[1];
        if (!check) continue;
        text.split(/\n\s*def test/).slice(1).forEach((body, i) => {
          const hcl = /hcl2\.loads\(\s*(?:"""|''')([\s\S]*?)(?:"""|''')/.exec(body)?.[1];
          const res = /CheckResult\.(PASSED|FAILED)/.exec(body)?.[1];
          if (hcl && res) out.push({ name: `${name}__${i + 1}`, check, hcl: hcl.replace(/^\s*\n/, ''), label: res === 'PASSED' ? 'pass' : 'fail' });
        });
      }
    }
  };
  visit(root, 0);
  return out;
}

/** Writes inline cases as fixtures in our layout (`# check:` and a `# pass` / `# fail` label) under `dir`. */
export function writeInlineCases(cases, dir, write) {
  for (const c of cases) {
    const d = join(dir, 'tests', 'terraform', 'checks', 'resource', 'inline', `example_${c.name}`);
    write(join(d, 'main.tf'), `# check: ${c.check}\n# ${c.label}\n${c.hcl.replace(/^\s+(?=resource\b)/, '')}`);
  }
}
