/**
 * Facts from a Go syntax tree (tree-sitter-go), in the shape the other languages give: imports
 * (path and local package name), calls (`pkg.Func(…)`, `client.Models.GenerateContent(…)`), composite
 * literals read as calls whose keyed fields are keyword arguments (`openai.ChatCompletionRequest{Model:
 * "gpt-4o"}`), string literals bound to names (`const DefaultModel = "gpt-4.1-mini"`, `model := "x"`,
 * `Model: "x"`) and every string literal that could be an endpoint. Only literals count.
 */
import type { Arg, Call, CodeFacts, LineMap } from './facts.js';
import type { SyntaxNode } from './tree-sitter.js';

const MAX_STRING = 2048;
const MAX_NESTING = 16;

const NODE_TYPES = [
  'import_spec', 'call_expression', 'composite_literal', 'interpreted_string_literal', 'raw_string_literal',
  'const_spec', 'var_spec', 'short_var_declaration', 'assignment_statement', 'keyed_element',
];

/**
 * The package name an import binds when it has no alias. Go takes it from the package clause, which
 * the importing file cannot see; module repositories name it after the last path element without
 * the `go-` prefix or `-go`/`-sdk-go` suffix (`go-openai` → openai, `anthropic-sdk-go` → anthropic).
 */
export function goPackageName(path: string): string {
  const parts = path.split('/').filter((p, i) => !(i >= 2 && /^v\d+$/.test(p)));
  return (parts[parts.length - 1] ?? '').replace(/^go-/, '').replace(/(?:-sdk)?-go$/, '').replace(/[^A-Za-z0-9_]/g, '');
}

export function goFacts(root: SyntaxNode, lineMap: LineMap, facts: CodeFacts, charge: (n?: number) => void): void {
  for (const n of root.descendantsOfType(NODE_TYPES)) {
    if (!n) continue;
    charge();
    const line = lineMap(n.startPosition.row);
    switch (n.type) {
      case 'import_spec': {
        const path = n.childForFieldName('path');
        const mod = path ? goString(path) : undefined;
        if (!mod) break;
        const alias = n.childForFieldName('name');
        // `_` and `.` imports bind no usable name.
        const local = alias?.type === 'package_identifier' ? alias.text : alias ? undefined : goPackageName(mod);
        facts.imports.push({ module: mod, line, names: local ? [local] : [], ...(alias?.type === 'package_identifier' ? { aliases: [[alias.text, goPackageName(mod)]] } : {}) });
        break;
      }
      case 'call_expression': {
        const call = goCall(n, lineMap, 0, charge);
        if (call) facts.calls.push(call);
        break;
      }
      case 'composite_literal': {
        const call = goComposite(n, lineMap, 0, charge);
        if (call) facts.calls.push(call);
        break;
      }
      case 'interpreted_string_literal':
      case 'raw_string_literal': {
        const v = goString(n);
        if (v !== undefined && v.length <= MAX_STRING && /[.:]/.test(v)) facts.strings.push({ value: v, line });
        break;
      }
      case 'keyed_element': {
        const key = unwrap(n.childForFieldName('key'));
        const value = unwrap(n.childForFieldName('value'));
        const v = value ? goString(value) : undefined;
        if (key?.type === 'identifier' && v !== undefined && v.length <= 256) facts.values.push({ via: 'key', name: key.text, value: v, line: lineMap(value!.startPosition.row) });
        break;
      }
      default:
        namedValues(n, lineMap, facts);
    }
  }
}

/** `const A, B = "x", "y"`, `var m = "x"`, `m := "x"`, `cfg.Model = "x"`: names paired with their literals. */
function namedValues(n: SyntaxNode, lineMap: LineMap, facts: CodeFacts): void {
  let names: (SyntaxNode | null)[];
  let values: (SyntaxNode | null)[];
  if (n.type === 'const_spec' || n.type === 'var_spec') {
    names = n.childrenForFieldName('name');
    values = n.childForFieldName('value')?.namedChildren ?? [];
  } else {
    names = n.childForFieldName('left')?.namedChildren ?? [];
    values = n.childForFieldName('right')?.namedChildren ?? [];
  }
  for (let i = 0; i < names.length && i < values.length; i++) {
    const k = names[i];
    const v = values[i];
    const value = v ? goString(v) : undefined;
    if (!k || value === undefined || value.length > 256) continue;
    const name = k.type === 'identifier' ? k.text : k.type === 'selector_expression' ? k.childForFieldName('field')?.text : undefined;
    if (name) facts.values.push({ via: 'variable', name, value, line: lineMap(v!.startPosition.row) });
  }
}

function unwrap(n: SyntaxNode | null): SyntaxNode | null {
  let cur = n;
  for (let i = 0; cur && i < 4; i++) {
    if (cur.type !== 'literal_element' && cur.type !== 'parenthesized_expression' && !(cur.type === 'unary_expression' && cur.childForFieldName('operator')?.text === '&')) return cur;
    cur = cur.type === 'unary_expression' ? cur.childForFieldName('operand') : cur.namedChildren.find((c) => c && c.type !== 'comment') ?? null;
  }
  return cur;
}

function goCall(n: SyntaxNode, lineMap: LineMap, depth: number, charge: (n?: number) => void): Call | undefined {
  if (depth > 0) charge();
  const fn = n.childForFieldName('function');
  if (!fn) return undefined;
  const callee = goCallee(fn);
  const call: Call = { callee, name: lastSegment(callee), isNew: false, args: [], kwargs: new Map(), line: lineMap(n.startPosition.row), endLine: lineMap(n.endPosition.row) };
  for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    call.args.push(goArg(a, lineMap, depth, charge));
  }
  return call;
}

/** `pkg.Type{Key: value, …}` as a call of `pkg.Type` with keyword arguments. */
function goComposite(n: SyntaxNode, lineMap: LineMap, depth: number, charge: (n?: number) => void): Call | undefined {
  if (depth > 0) charge();
  const type = n.childForFieldName('type');
  if (!type || (type.type !== 'qualified_type' && type.type !== 'type_identifier')) return undefined;
  const callee = type.text;
  const call: Call = { callee, name: lastSegment(callee), isNew: true, args: [], kwargs: new Map(), line: lineMap(n.startPosition.row), endLine: lineMap(n.endPosition.row) };
  for (const el of n.childForFieldName('body')?.namedChildren ?? []) {
    if (el?.type !== 'keyed_element') continue;
    const key = unwrap(el.childForFieldName('key'));
    const value = unwrap(el.childForFieldName('value'));
    if (key?.type === 'identifier' && value) call.kwargs.set(key.text, goArg(value, lineMap, depth, charge));
  }
  return call;
}

function goArg(v0: SyntaxNode, lineMap: LineMap, depth: number, charge: (n?: number) => void): Arg {
  const v = unwrap(v0) ?? v0;
  const line = lineMap(v.startPosition.row);
  const str = goString(v);
  if (str !== undefined) return { str, line };
  if (depth >= MAX_NESTING) return { line };
  if (v.type === 'call_expression') return { nested: goCall(v, lineMap, depth + 1, charge), line };
  if (v.type === 'composite_literal') return { nested: goComposite(v, lineMap, depth + 1, charge), line };
  if (v.type === 'selector_expression' && v.childForFieldName('operand')?.type === 'identifier') return { ref: v.text, line };
  return { line };
}

/** Literal value of a Go string; undefined for anything else. */
export function goString(n: SyntaxNode): string | undefined {
  if (n.type === 'raw_string_literal') return n.namedChildren.map((c) => c?.text ?? '').join('');
  if (n.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const c of n.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpreted_string_literal_content') out += c.text;
    else if (c.type === 'escape_sequence') out += c.text === '\\n' ? '\n' : c.text === '\\t' ? '\t' : c.text.slice(1);
  }
  return out;
}

function goCallee(fn: SyntaxNode, depth = 0): string {
  if (depth > 32) return '?';
  switch (fn.type) {
    case 'identifier':
    case 'field_identifier':
    case 'package_identifier':
      return fn.text;
    case 'selector_expression': {
      const obj = fn.childForFieldName('operand');
      const field = fn.childForFieldName('field');
      return `${obj ? goCallee(obj, depth + 1) : '?'}.${field?.text ?? '?'}`;
    }
    case 'call_expression': {
      const inner = fn.childForFieldName('function');
      return `${inner ? goCallee(inner, depth + 1) : '?'}()`;
    }
    case 'parenthesized_expression': {
      const inner = fn.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? goCallee(inner, depth + 1) : '?';
    }
    default:
      return '?';
  }
}

function lastSegment(callee: string): string {
  const i = callee.lastIndexOf('.');
  return i >= 0 ? callee.slice(i + 1) : callee;
}
