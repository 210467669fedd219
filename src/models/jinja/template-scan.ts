/**
 * Static check of a chat template for Jinja sandbox escapes. The template is parsed with
 * `@huggingface/jinja` (never rendered) and its AST walked for attribute access to Python internals,
 * `|attr()` with literal or computed names, and gadget globals; the raw text is also checked for
 * escape sequences that spell underscores, which Python's Jinja decodes (octal, \N{…}) even where
 * this parser does not.
 */
import { Template } from '@huggingface/jinja';
import { DANGEROUS_NAMES, ESCAPED_UNDERSCORE, GADGET_GLOBALS, INTERNAL_ATTRS, isDunder } from './catalog.js';

export interface TemplateHit {
  severity: 'critical' | 'high';
  reason: string;
}

export interface TemplateScan {
  hits: TemplateHit[];
  parseError?: string;
}

type Node = { type?: string; [k: string]: unknown };

const MAX_TEMPLATE = 1 << 20;
const MAX_NODES = 100_000;

function attrName(name: string): TemplateHit | undefined {
  if (isDunder(name)) return { severity: 'critical', reason: `accesses the Python internal attribute ${name}` };
  if (INTERNAL_ATTRS.has(name)) return { severity: 'critical', reason: `accesses the Python internal attribute ${name}` };
  if (DANGEROUS_NAMES.has(name)) return { severity: 'critical', reason: `accesses ${name}` };
  return undefined;
}

function stringParts(n: Node | undefined): string[] | undefined {
  if (!n) return undefined;
  if (n.type === 'StringLiteral') return [String(n.value)];
  if (n.type === 'BinaryExpression') {
    const l = stringParts(n.left as Node);
    const r = stringParts(n.right as Node);
    return l || r ? [...(l ?? []), ...(r ?? [])] : undefined;
  }
  return undefined;
}

export function scanChatTemplate(source: string): TemplateScan {
  const found = new Map<string, TemplateHit>();
  const add = (h: TemplateHit | undefined) => {
    if (h && !found.has(h.reason)) found.set(h.reason, h);
  };
  const src = source.length > MAX_TEMPLATE ? source.slice(0, MAX_TEMPLATE) : source;
  if (ESCAPED_UNDERSCORE.test(src)) add({ severity: 'critical', reason: 'spells underscores with escape sequences (hides dunder names such as __class__)' });

  let parseError: string | undefined;
  let program: Node | undefined;
  try {
    program = new Template(src).parsed as unknown as Node;
  } catch (e) {
    parseError = (e as Error).message;
  }
  if (program) {
    // Explicit stack, no depth limit: nesting cannot hide an escape from the walk.
    let count = 0;
    const stack: unknown[] = [program];
    while (stack.length > 0) {
      const n = stack.pop();
      if (++count > MAX_NODES) {
        add({ severity: 'high', reason: `is too large to check completely (over ${MAX_NODES} syntax nodes)` });
        break;
      }
      if (!n || typeof n !== 'object') continue;
      if (Array.isArray(n)) {
        for (const x of n) stack.push(x);
        continue;
      }
      if (n instanceof Map) {
        for (const [k, v] of n) stack.push(k, v);
        continue;
      }
      const node = n as Node;
      switch (node.type) {
        case 'MemberExpression': {
          const obj = node.object as Node;
          const prop = node.property as Node;
          if (!node.computed && prop?.type === 'Identifier') add(attrName(String(prop.value)));
          if (node.computed) {
            const parts = stringParts(prop);
            if (prop?.type === 'StringLiteral') add(attrName(String(prop.value)));
            else if (parts && prop?.type === 'BinaryExpression') {
              add(attrName(parts.join('')));
              add({ severity: 'high', reason: `builds an attribute name by concatenation (${parts.map((p) => JSON.stringify(p)).join(' ~ ')})` });
            }
          }
          if (obj?.type === 'Identifier' && GADGET_GLOBALS.has(String(obj.value))) {
            const p = prop?.type === 'Identifier' || prop?.type === 'StringLiteral' ? String(prop.value) : '[…]';
            if (!(String(obj.value) === 'range' || String(obj.value) === 'dict') || isDunder(p)) add({ severity: 'critical', reason: `reaches into the ${String(obj.value)} global (${String(obj.value)}.${p})` });
          }
          break;
        }
        case 'FilterExpression':
        case 'FilterStatement': {
          const f = node.filter as Node;
          if (f?.type === 'CallExpression' && (f.callee as Node)?.type === 'Identifier' && (f.callee as Node).value === 'attr') {
            const arg = (f.args as Node[])[0];
            if (arg?.type === 'StringLiteral') add(attrName(String(arg.value)) ?? undefined);
            else add({ severity: 'high', reason: 'uses |attr() with a computed attribute name' });
          }
          break;
        }
        case 'Identifier': {
          const v = String(node.value);
          if (isDunder(v)) add({ severity: 'critical', reason: `uses the Python internal name ${v}` });
          else if (['os', 'subprocess', 'popen', 'import', '__import__', 'builtins', 'eval', 'exec'].includes(v)) add({ severity: 'critical', reason: `uses the name ${v}` });
          break;
        }
        default:
          break;
      }
      for (const [k, v] of Object.entries(node)) {
        // A plain `.name` property was judged above; visiting it as an Identifier would count it twice.
        if (k === 'type' || (k === 'property' && node.type === 'MemberExpression' && !node.computed)) continue;
        if (v && typeof v === 'object') stack.push(v);
      }
    }
  } else {
    // Unparseable here (Python Jinja may still accept it): fall back to text patterns.
    for (const m of src.matchAll(/\.\s*(__\w+__)|\[\s*['"](__\w+__)['"]\s*\]|\|\s*attr\s*\(\s*['"]([^'"]+)['"]/g)) add(attrName(m[1] ?? m[2] ?? m[3]));
    if (/\b(?:lipsum|cycler|joiner|self|config)\s*\.\s*\w/.test(src)) add({ severity: 'critical', reason: 'reaches into a Jinja global (lipsum/cycler/joiner/self/config)' });
    if (/\bpopen\b|\bsubprocess\b|__import__/.test(src)) add({ severity: 'critical', reason: 'mentions popen/subprocess/__import__' });
  }
  return { hits: [...found.values()], parseError };
}
