/**
 * Language-neutral facts from a syntax tree: imports, calls (callee path, literal arguments) and
 * string literals. Only string LITERALS are kept as argument values: ids built from variables,
 * f-strings or template substitutions are not guessed. Comments never reach here (tree-sitter
 * keeps them as separate nodes).
 */
import { goFacts } from './go-facts.js';
import type { CodeLanguage, SyntaxNode, SyntaxTree } from './tree-sitter.js';

export interface Arg {
  /** Literal string value, when the argument is a plain string literal. */
  str?: string;
  /** Keyword/property arguments of a nested object literal or call (JS `{model: "x"}`, `openai("gpt-4o")`). */
  nested?: Call;
  /** Go: a qualified constant (`openai.GPT4o`, `anthropic.ModelClaude3_7SonnetLatest`), as written. */
  ref?: string;
  /** A list/array literal whose elements are all string literals (`["ollama", "pull", "llama3.2"]`). */
  list?: string[];
  /** A list/array literal holding objects or calls (`tools=[{"type": "mcp", "server_url": …}]`), each read as an argument. */
  items?: Arg[];
  line: number;
}

export interface Call {
  /** Dotted callee path: `client.chat.completions.create`, `AutoModel.from_pretrained`, `OpenAI()` chains as `OpenAI().x`. */
  callee: string;
  /** Last segment of the callee. */
  name: string;
  isNew: boolean;
  args: Arg[];
  kwargs: Map<string, Arg>;
  line: number;
  endLine: number;
}

export interface ImportFact {
  module: string;
  line: number;
  /** Names imported from the module (`from x import A, B` / `import {A} from 'x'`). */
  names: string[];
  /** Local alias → imported name (`from x import A as B`, `import {A as B} from 'x'`). */
  aliases?: [string, string][];
}

/** A string literal bound to a name: `DEFAULT_LLM_MODEL = "gpt-4.1-mini"`, `{"model": "openai:gpt-4o"}`, `model: 'x'`. */
export interface NamedValue {
  /** `variable` (assignment, declaration, attribute), `key` (dict key / object property) or `env` (environment default). */
  via: 'variable' | 'key' | 'env';
  name: string;
  value: string;
  line: number;
}

export interface CodeFacts {
  /** Set when the node budget stopped the walk: the facts are those of the nodes visited so far. */
  truncated?: boolean;
  imports: ImportFact[];
  calls: Call[];
  strings: { value: string; line: number }[];
  /** Literal strings assigned to variables, attributes, dict keys and object properties. */
  values: NamedValue[];
}

/** Maps a 0-based row of the parsed source to a 1-based line of the scanned file (notebooks shift rows). */
export type LineMap = (row: number) => number;

const MAX_STRING = 2048;
/** Nested call/object arguments are followed this deep (hostile input can nest thousands deep). */
const MAX_NESTING = 16;

/**
 * Most syntax nodes the fact extraction looks at per file (matched nodes and the arguments followed
 * into them). Counts work, not time: the same file stops at the same node on every machine.
 */
export const MAX_FACT_NODES = 1_000_000;
let nodesLeft = 0;

class NodeBudget extends Error {}

/** Charges `n` nodes to the budget of the running extraction. */
function charge(n = 1): void {
  nodesLeft -= n;
  if (nodesLeft < 0) throw new NodeBudget();
}

export function extractFacts(lang: CodeLanguage, tree: SyntaxTree, lineMap: LineMap = (r) => r + 1, maxNodes = MAX_FACT_NODES): CodeFacts {
  const facts: CodeFacts = { imports: [], calls: [], strings: [], values: [] };
  nodesLeft = maxNodes; // extraction is synchronous, so one counter per module is safe
  try {
    if (lang === 'python') pythonFacts(tree.rootNode, lineMap, facts);
    else if (lang === 'go') goFacts(tree.rootNode, lineMap, facts, charge);
    else jsFacts(tree.rootNode, lineMap, facts);
  } catch (e) {
    if (!(e instanceof NodeBudget)) throw e;
    facts.truncated = true;
  }
  return facts;
}

// ---------------------------------------------------------------- Python

function pythonFacts(root: SyntaxNode, lineMap: LineMap, facts: CodeFacts): void {
  for (const n of root.descendantsOfType(['import_statement', 'import_from_statement', 'call', 'string', 'assignment', 'pair'])) {
    if (!n) continue;
    charge();
    const line = lineMap(n.startPosition.row);
    if (n.type === 'import_statement') {
      for (const c of n.namedChildren) {
        const name = c?.type === 'aliased_import' ? c.childForFieldName('name') : c;
        if (name?.type === 'dotted_name') facts.imports.push({ module: name.text, line, names: [] });
      }
    } else if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name');
      if (mod?.type === 'dotted_name') {
        const aliases: [string, string][] = [];
        const names = n.childrenForFieldName('name').flatMap((c) => {
          const nm = c?.type === 'aliased_import' ? c.childForFieldName('name') : c;
          const alias = c?.type === 'aliased_import' ? c.childForFieldName('alias') : null;
          if (nm && alias) aliases.push([alias.text, nm.text]);
          return nm ? [nm.text] : [];
        });
        facts.imports.push({ module: mod.text, line, names, aliases });
      }
    } else if (n.type === 'call') {
      const call = pythonCall(n, lineMap);
      if (call) facts.calls.push(call);
    } else if (n.type === 'string') {
      const v = pythonString(n);
      if (v !== undefined && v.length <= MAX_STRING && /[.:]/.test(v)) facts.strings.push({ value: v, line });
    } else {
      // `NAME = "x"`, `self.model = "x"`, `model: str = "x"` and dict pairs `"model": "x"`.
      const key = n.childForFieldName(n.type === 'assignment' ? 'left' : 'key');
      const value = n.childForFieldName(n.type === 'assignment' ? 'right' : 'value');
      if (!key || value?.type !== 'string') continue;
      const name = key.type === 'identifier' ? key.text : key.type === 'attribute' ? key.childForFieldName('attribute')?.text : key.type === 'string' ? pythonString(key) : undefined;
      const v = pythonString(value);
      if (name && v !== undefined && v.length <= 256) facts.values.push({ via: n.type === 'pair' ? 'key' : 'variable', name, value: v, line: lineMap(value.startPosition.row) });
    }
  }
}

function pythonCall(n: SyntaxNode, lineMap: LineMap, depth = 0): Call | undefined {
  if (depth > 0) charge();
  const fn = n.childForFieldName('function');
  const argList = n.childForFieldName('arguments');
  if (!fn || !argList) return undefined;
  const callee = pythonCallee(fn);
  const call: Call = { callee, name: lastSegment(callee), isNew: false, args: [], kwargs: new Map(), line: lineMap(n.startPosition.row), endLine: lineMap(n.endPosition.row) };
  for (const a of argList.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name');
      const v = a.childForFieldName('value');
      if (k && v) call.kwargs.set(k.text, pythonArg(v, lineMap, depth));
    } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') {
      call.args.push(pythonArg(a, lineMap, depth));
    }
  }
  return call;
}

function pythonArg(v: SyntaxNode, lineMap: LineMap, depth: number): Arg {
  const line = lineMap(v.startPosition.row);
  if (v.type === 'string') return { str: pythonString(v), line };
  if (v.type === 'concatenated_string') {
    const parts = v.namedChildren.map((c) => (c ? pythonString(c) : undefined));
    return { str: parts.every((p) => p !== undefined) ? parts.join('') : undefined, line };
  }
  if (v.type === 'call' && depth < MAX_NESTING) return { nested: pythonCall(v, lineMap, depth + 1), line };
  if (v.type === 'list' || v.type === 'tuple') {
    const items = v.namedChildren.filter((c) => c && c.type !== 'comment');
    const strs = items.length <= 64 ? items.map((c) => (c?.type === 'string' ? pythonString(c) : undefined)) : [];
    if (strs.length && strs.every((x) => x !== undefined)) return { list: strs as string[], line };
    // Mixed lists (`["-y", "@modelcontextprotocol/server-filesystem", samples_dir]`, `[{"type": "mcp", …}]`): each element as an argument.
    if (items.length <= 64 && depth < MAX_NESTING) {
      charge(items.length);
      return { items: items.map((c) => pythonArg(c!, lineMap, depth + 1)), line };
    }
  }
  if (v.type === 'dictionary' && depth < MAX_NESTING) {
    // A dict literal reads like a JS object: its string keys become the nested call's kwargs
    // (`MultiServerMCPClient({"docs": {"url": …}})`, `mcp_servers={"fs": {"command": …}}`).
    const kwargs = new Map<string, Arg>();
    for (const p of v.namedChildren) {
      if (p?.type !== 'pair') continue;
      const k = p.childForFieldName('key');
      const val = p.childForFieldName('value');
      const key = k?.type === 'string' ? pythonString(k) : undefined;
      if (key !== undefined && val) kwargs.set(key, pythonArg(val, lineMap, depth + 1));
    }
    return { nested: { callee: '{}', name: '{}', isNew: false, args: [], kwargs, line, endLine: lineMap(v.endPosition.row) }, line };
  }
  return { line };
}

/** Literal value of a Python string node; undefined for f-strings with interpolations and byte strings. */
function pythonString(n: SyntaxNode): string | undefined {
  let out = '';
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_start') {
      if (/b/i.test(c.text)) return undefined;
      continue;
    }
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'escape_sequence') out += unescape(c.text);
  }
  return out;
}

function pythonCallee(fn: SyntaxNode, depth = 0): string {
  if (depth > 32) return '?';
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'attribute') {
    const obj = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute');
    return `${obj ? pythonCallee(obj, depth + 1) : '?'}.${attr?.text ?? '?'}`;
  }
  if (fn.type === 'call') {
    const inner = fn.childForFieldName('function');
    return `${inner ? pythonCallee(inner, depth + 1) : '?'}()`;
  }
  return '?';
}

// ---------------------------------------------------------------- JavaScript / TypeScript

function jsFacts(root: SyntaxNode, lineMap: LineMap, facts: CodeFacts): void {
  for (const n of root.descendantsOfType(['import_statement', 'export_statement', 'call_expression', 'new_expression', 'string', 'template_string', 'variable_declarator', 'pair', 'assignment_expression', 'binary_expression'])) {
    if (!n) continue;
    charge();
    const line = lineMap(n.startPosition.row);
    if (n.type === 'import_statement' || n.type === 'export_statement') {
      const src = n.childForFieldName('source');
      const mod = src ? jsString(src) : undefined;
      if (mod) facts.imports.push({ module: mod, line, names: jsImportNames(n), aliases: jsImportAliases(n) });
    } else if (n.type === 'call_expression' || n.type === 'new_expression') {
      const call = jsCall(n, lineMap);
      if (!call) continue;
      if ((call.callee === 'require' || call.callee === 'import') && call.args[0]?.str) {
        facts.imports.push({ module: call.args[0].str, line, names: [] });
      } else {
        facts.calls.push(call);
      }
    } else if (n.type === 'string' || n.type === 'template_string') {
      const v = jsString(n);
      if (v !== undefined && v.length <= MAX_STRING && /[.:]/.test(v)) facts.strings.push({ value: v, line });
    } else {
      const named = jsNamedValue(n);
      if (named) facts.values.push({ via: named.via, name: named.name, value: named.value, line: lineMap(named.node.startPosition.row) });
    }
  }
}

/**
 * `const MODEL = "x"`, `{ model: "x" }`, `this.model = "x"`, and environment defaults
 * `process.env.MODEL_ID ?? "x"` / `|| "x"` (named by the variable).
 */
function jsNamedValue(n: SyntaxNode): { via: NamedValue['via']; name: string; value: string; node: SyntaxNode } | undefined {
  let key: SyntaxNode | null;
  let value: SyntaxNode | null;
  if (n.type === 'variable_declarator') [key, value] = [n.childForFieldName('name'), n.childForFieldName('value')];
  else if (n.type === 'pair') [key, value] = [n.childForFieldName('key'), n.childForFieldName('value')];
  else if (n.type === 'assignment_expression') [key, value] = [n.childForFieldName('left'), n.childForFieldName('right')];
  else {
    const op = n.childForFieldName('operator')?.text;
    if (op !== '??' && op !== '||') return undefined;
    [key, value] = [n.childForFieldName('left'), n.childForFieldName('right')];
    if (!key || !/^process\.env\.\w+$/.test(key.text)) return undefined;
  }
  if (!key || !value || (value.type !== 'string' && value.type !== 'template_string')) return undefined;
  const name = key.type === 'string' ? jsString(key) : key.type === 'member_expression' ? key.childForFieldName('property')?.text : key.text;
  const v = jsString(value);
  if (!name || !/^[\w$]+$/.test(name) || v === undefined || v.length > 256) return undefined;
  const via = n.type === 'pair' ? 'key' : n.type === 'binary_expression' ? 'env' : 'variable';
  return { via, name, value: v, node: value };
}

function jsImportNames(n: SyntaxNode): string[] {
  const names: string[] = [];
  for (const spec of n.descendantsOfType(['import_specifier', 'identifier'])) {
    if (!spec) continue;
    if (spec.type === 'import_specifier') {
      const nm = spec.childForFieldName('alias') ?? spec.childForFieldName('name');
      if (nm) names.push(nm.text);
    } else if (spec.parent?.type === 'import_clause' || spec.parent?.type === 'namespace_import') {
      names.push(spec.text);
    }
  }
  return names;
}

function jsImportAliases(n: SyntaxNode): [string, string][] {
  const out: [string, string][] = [];
  for (const spec of n.descendantsOfType('import_specifier')) {
    const name = spec?.childForFieldName('name');
    const alias = spec?.childForFieldName('alias');
    if (name && alias) out.push([alias.text, name.text]);
  }
  return out;
}

function jsCall(n: SyntaxNode, lineMap: LineMap, depth = 0): Call | undefined {
  if (depth > 0) charge();
  const isNew = n.type === 'new_expression';
  const fn = n.childForFieldName(isNew ? 'constructor' : 'function');
  const argList = n.childForFieldName('arguments');
  if (!fn) return undefined;
  const callee = fn.type === 'import' ? 'import' : jsCallee(fn);
  const call: Call = { callee, name: lastSegment(callee), isNew, args: [], kwargs: new Map(), line: lineMap(n.startPosition.row), endLine: lineMap(n.endPosition.row) };
  for (const a of argList?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'object') {
      for (const [k, v] of jsObject(a, lineMap, depth)) call.kwargs.set(k, v);
      call.args.push({ line: lineMap(a.startPosition.row) });
    } else {
      call.args.push(jsArg(a, lineMap, depth));
    }
  }
  return call;
}

function jsObject(obj: SyntaxNode, lineMap: LineMap, depth: number): Map<string, Arg> {
  charge();
  const out = new Map<string, Arg>();
  for (const p of obj.namedChildren) {
    if (p?.type !== 'pair') continue;
    const k = p.childForFieldName('key');
    const v = p.childForFieldName('value');
    if (!k || !v) continue;
    const key = k.type === 'string' ? jsString(k) : k.text;
    if (key !== undefined) out.set(key, jsArg(v, lineMap, depth));
  }
  return out;
}

function jsArg(v: SyntaxNode, lineMap: LineMap, depth: number): Arg {
  const line = lineMap(v.startPosition.row);
  if (v.type === 'string' || v.type === 'template_string') return { str: jsString(v), line };
  if (v.type === 'array') {
    const items = v.namedChildren.filter((c) => c && c.type !== 'comment');
    const strs = items.length <= 64 ? items.map((c) => (c ? jsString(c) : undefined)) : [];
    if (strs.length && strs.every((x) => x !== undefined)) return { list: strs as string[], line };
    if (items.length <= 64 && depth < MAX_NESTING) {
      charge(items.length);
      return { items: items.map((c) => jsArg(c!, lineMap, depth + 1)), line };
    }
  }
  if (depth >= MAX_NESTING) return { line };
  if (v.type === 'call_expression' || v.type === 'new_expression') return { nested: jsCall(v, lineMap, depth + 1), line };
  if (v.type === 'object') {
    const nested: Call = { callee: '{}', name: '{}', isNew: false, args: [], kwargs: jsObject(v, lineMap, depth + 1), line, endLine: line };
    return { nested, line };
  }
  return { line };
}

function jsString(n: SyntaxNode): string | undefined {
  if (n.type !== 'string' && n.type !== 'template_string') return undefined;
  let out = '';
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_substitution') return undefined;
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += unescape(c.text);
  }
  return out;
}

function jsCallee(fn: SyntaxNode, depth = 0): string {
  if (depth > 32) return '?';
  switch (fn.type) {
    case 'identifier':
    case 'property_identifier':
    case 'this':
      return fn.text;
    case 'member_expression': {
      const obj = fn.childForFieldName('object');
      const prop = fn.childForFieldName('property');
      return `${obj ? jsCallee(obj, depth + 1) : '?'}.${prop?.text ?? '?'}`;
    }
    case 'call_expression': {
      const inner = fn.childForFieldName('function');
      return `${inner ? jsCallee(inner, depth + 1) : '?'}()`;
    }
    case 'new_expression': {
      const inner = fn.childForFieldName('constructor');
      return `${inner ? jsCallee(inner, depth + 1) : '?'}()`;
    }
    case 'await_expression':
    case 'parenthesized_expression':
    case 'non_null_expression': {
      const inner = fn.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? jsCallee(inner, depth + 1) : '?';
    }
    default:
      return '?';
  }
}

function lastSegment(callee: string): string {
  const i = callee.lastIndexOf('.');
  return i >= 0 ? callee.slice(i + 1) : callee;
}

function unescape(s: string): string {
  switch (s) {
    case '\\n':
      return '\n';
    case '\\t':
      return '\t';
    case "\\'":
      return "'";
    case '\\"':
      return '"';
    case '\\\\':
      return '\\';
    default:
      return s.startsWith('\\') ? s.slice(1) : s;
  }
}
