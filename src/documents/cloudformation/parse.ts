/**
 * CloudFormation templates (YAML with the short intrinsic tags `!Ref`, `!GetAtt`, `!Sub`, `!Join` …,
 * and JSON) as a typed document with line positions. Tags are read from the YAML syntax tree and turned
 * into their long form (`!Ref X` → `{ Ref: X }`, `!GetAtt A.B` → `{ "Fn::GetAtt": [A, B] }`), so a check
 * sees one shape whichever way the template was written. Aliases are not followed (CloudFormation has
 * none; following them is how YAML bombs work).
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface CfnResource {
  logicalId: string;
  type: string;
  /** Line of the logical id. */
  line: number;
  properties: Record<string, unknown>;
  /** Line of `Properties.<path>` (of the nearest existing ancestor when absent); numeric segments index lists. */
  lineOf(path: string[]): number;
}

export interface CfnTemplate {
  path: string;
  resources: CfnResource[];
  /** Parameter defaults, for `{ Ref: Param }`. */
  parameters: Record<string, unknown>;
}

const MAX_DEPTH = 64;
const MAX_NODES = 500_000;

export function parseCloudFormation(path: string, text: string): { document?: CfnTemplate; notes?: string[] } {
  // Cheap content gate: templates say so, or declare AWS:: resource types.
  if (!/AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::/.test(text)) return {};
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, strict: false });
  const notes: string[] = [];
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { notes: [`${e.message.split('\n')[0]} (line ${lc.linePos(e.pos[0]).line})`] };
  }
  const root = doc.contents;
  if (!isMap(root)) return {};
  const budget = { nodes: 0 };
  const get = (m: Node | null | undefined, key: string): Node | undefined => {
    if (!isMap(m)) return undefined;
    const pair = m.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair && isNode(pair.value) ? pair.value : undefined;
  };
  const resourcesNode = get(root, 'Resources');
  const isTemplate = !!get(root, 'AWSTemplateFormatVersion') || (isMap(resourcesNode) && resourcesNode.items.some((p) => /^AWS::/.test(String(toValue(get(p.value as Node, 'Type'), budget, 0) ?? ''))));
  if (!isTemplate || !isMap(resourcesNode)) return {};
  const line = (n: Node | { range?: [number, number, number] | null } | null | undefined): number => (n && 'range' in n && n.range ? lc.linePos(n.range[0]).line : 1);
  const parameters: Record<string, unknown> = {};
  const params = get(root, 'Parameters');
  if (isMap(params)) {
    for (const p of params.items) {
      const d = get(p.value as Node, 'Default');
      if (isScalar(p.key) && d !== undefined) parameters[String(p.key.value)] = toValue(d, budget, 0);
    }
  }
  const resources: CfnResource[] = [];
  for (const pair of resourcesNode.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const type = toValue(get(pair.value, 'Type'), budget, 0);
    if (typeof type !== 'string') continue;
    const propsNode = get(pair.value, 'Properties');
    const props = toValue(propsNode, budget, 0);
    const keyLine = line(pair.key);
    resources.push({
      logicalId: String(pair.key.value),
      type,
      line: keyLine,
      properties: props && typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {},
      lineOf: (path) => {
        let cur: Node | undefined = propsNode;
        let best = propsNode ? line(propsNode) : keyLine;
        for (const seg of path) {
          // A numeric segment indexes a list (`Policies`, `0`, `PolicyDocument`, `Statement`, `1`).
          if (isSeq(cur) && /^\d+$/.test(seg)) {
            const item = cur.items[Number(seg)];
            if (!isNode(item)) break;
            best = line(item);
            cur = item;
            continue;
          }
          if (!isMap(cur)) break;
          const p = cur.items.find((i) => isScalar(i.key) && i.key.value === seg);
          if (!p) break;
          best = line(p.key as Node);
          cur = isNode(p.value) ? p.value : undefined;
        }
        return best;
      },
    });
  }
  if (budget.nodes > MAX_NODES) notes.push(`node budget of ${MAX_NODES} exceeded; the rest of the template is not read`);
  return { document: { path, resources, parameters }, notes };
}

/** Plain value of a node, with short-form intrinsic tags in their long form. */
function toValue(node: unknown, budget: { nodes: number }, depth: number): unknown {
  if (!isNode(node) || depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) return undefined;
  let v: unknown;
  if (isMap(node)) {
    const o: Record<string, unknown> = {};
    for (const p of node.items) if (isScalar(p.key)) o[String(p.key.value)] = toValue(p.value, budget, depth + 1);
    v = o;
  } else if (isSeq(node)) v = node.items.map((i) => toValue(i, budget, depth + 1));
  else if (isScalar(node)) v = node.value;
  else if (isAlias(node)) v = undefined;
  const tag = node.tag;
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return v;
  const fn = tag.slice(1);
  if (fn === 'Ref') return { Ref: v };
  if (fn === 'Condition') return { Condition: v };
  if (fn === 'GetAtt' && typeof v === 'string') return { 'Fn::GetAtt': v.split('.') };
  return { [`Fn::${fn}`]: v };
}
