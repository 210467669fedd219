/**
 * JSON / JSONC documents with line numbers (jsonc-parser keeps offsets), for config files where the
 * inventory must point at the line of a key: MCP client configs, HF sidecars, notebooks.
 */
import { findNodeAtLocation, getNodeValue, parseTree, type Node as JsonNode, type ParseError, type Segment } from 'jsonc-parser';
import { lineAt, lineStarts } from '../core/text.js';

export interface JsonDoc {
  value: unknown;
  /** 1-based line of the node at a path (the property key's line for object members), or 1. */
  lineOf(path: Segment[]): number;
}

export class JsonDocError extends Error {}

export function parseJsonDoc(text: string, opts: { jsonc?: boolean } = {}): JsonDoc {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: !!opts.jsonc, disallowComments: !opts.jsonc });
  if (!root || errors.length) throw new JsonDocError(`invalid JSON${errors.length ? ` at offset ${errors[0].offset}` : ''}`);
  const starts = lineStarts(text);
  return {
    value: getNodeValue(root),
    lineOf(path) {
      const node: JsonNode | undefined = findNodeAtLocation(root, path);
      if (!node) return 1;
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineAt(starts, at);
    },
  };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
