/**
 * Differential test of the Terraform reading: the flat-tree conversion (src/documents/terraform/)
 * against the reference reading through web-tree-sitter's Node API (terraform-reference.ts), on every
 * Terraform file in the repository, a set of tricky snippets, and seeded mutations of all of them
 * (cuts, inserted comments, CRLF line ends) that exercise error recovery. Both cursors (the fast one
 * on the runtime's exports and web-tree-sitter's TreeCursor) must give the reference's JSON, byte for
 * byte, and its notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { usesFastCursor } from '../../src/documents/terraform/flat-tree.js';
import { loadTerraformGrammar, parseTerraform } from '../../src/documents/terraform/index.js';
import { loadReferenceGrammar, referenceParseTerraform } from './terraform-reference.js';

await Promise.all([loadTerraformGrammar(), loadReferenceGrammar()]);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage']);

function repoTerraform(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) repoTerraform(join(dir, e.name), out);
    } else if (/\.(?:tf|tfvars)$/.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

const SNIPPETS: Record<string, string> = {
  'comments.tf': 'resource "a_b" "c" {\n  # line\n  x = var.a /* mid */ .b\n  y = [1, /* c */ 2]\n  z = { k = 1 /* c */, "q" = var.r // t\n  }\n  w = var.c /* m */ .d ? 1 : 2\n}\n',
  'exprs.tf':
    'locals {\n  a = var.x ? "y" : null\n  b = [for s in var.list : upper(s) if s != ""]\n  c = { for k, v in var.m : k => v }\n  d = aws_instance.x[*].id\n  e = aws_instance.x.*.id\n  f = -1 + 2 * 3\n  g = !true\n  h = var.m["k"].x\n  i = (var.p).q\n  j = try(var.a.b, "d")\n  k = "%{if var.on}on%{else}off%{endif}"\n  l = "a$${b}%%{c}\\u00e9\\U0001F600\\n\\t\\"\\\\"\n  m = 1.5e3\n  n = format("%s-%s", var.a, local.b)\n  o = { (var.k) = 1, "s" = 2, t: 3 }\n}\n',
  'heredoc.tf': 'locals {\n  a = <<EOT\nplain ${var.x} text\n%{ for i in var.l }${i}%{ endfor }\nEOT\n  b = <<-EOT\n      indented\n        more ${local.y}\n    EOT\n  c = <<EOT\nEOT\n}\n',
  'blocks.tf':
    'terraform {\n  required_version = ">= 1.0"\n}\nprovider "aws" {\n  alias = "e"\n}\nmodule "m" {\n  source = "./m"\n  providers = { aws = aws.e }\n}\ndata "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["s3:*"]\n    principals {\n      type = "*"\n      identifiers = ["*"]\n    }\n  }\n}\ndynamic_ident x y {\n}\n',
  'unicode.tf': 'resource "a_b" "ü" {\n  name = "日本語 ${var.ä}"\n  emoji = "😀"\n  after = var.x\n}\n',
  'values.tfvars': 'a = 1\nb = "s"\nc = [true, false, null]\nd = { e = { f = [1, { g = "h" }] } }\n__proto__ = 1\nconstructor = "x"\n',
  'broken.tf': 'resource "a_b" "c" {\n  x = 1 +\n  z = 2\n}\nresource "a_b" "d" {\n  y = [1, 2\n}\nlocals {\n  q = "unterminated\n}\n',
  'deep.tfvars': `x = ${'['.repeat(300)}${']'.repeat(300)}\ny = ${'{a = '.repeat(80)}1${'}'.repeat(80)}\n`,
  'nest.tf': `${'a {\n'.repeat(80)}${'}\n'.repeat(80)}`,
  // More nodes than the flat arrays start with (4,096), so they grow while being filled.
  'many.tf': Array.from({ length: 1200 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}" # ${i}\n}\n`).join(''),
  'empty.tf': '',
  'only-comments.tf': '# a\n// b\n/* c */\n',
};

/** xorshift32, so the mutations are the same on every run. */
function rng(seed: number): () => number {
  let s = seed || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

function mutations(text: string, seed: number): string[] {
  const r = rng(seed);
  const out = [text.replace(/\n/g, '\r\n')];
  for (let i = 0; i < 4 && text.length; i++) out.push(text.slice(0, Math.floor(r() * text.length)));
  for (let i = 0; i < 3 && text.length; i++) {
    const at = Math.floor(r() * text.length);
    out.push(text.slice(0, at) + ['/* x */', '#c\n', '}', '{', '"', '${', ' = ', '[', '<<EOT\n'][Math.floor(r() * 9)] + text.slice(at));
  }
  return out;
}

function same(path: string, text: string): void {
  const ref = referenceParseTerraform(path, text);
  for (const portableCursor of [false, true]) {
    const got = parseTerraform(path, text, { portableCursor });
    expect(JSON.stringify(got.document), path).toBe(JSON.stringify(ref.document));
    expect(got.notes ?? [], path).toEqual(ref.notes ?? []);
  }
}

describe('terraform conversion matches the reference reading', () => {
  const files = repoTerraform(ROOT);
  it('finds the repository Terraform fixtures, and reads them with the fast cursor', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    parseTerraform('first.tf', ''); // the cursors are compared on first use
    // The pinned runtime has the exports; if an upgrade loses them, parsing still works (portable cursor) but slower.
    expect(usesFastCursor()).toBe(true);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s', (rel) => {
    const text = readFileSync(join(ROOT, rel), 'utf8');
    same(rel, text);
    mutations(text, rel.length * 7919 + text.length).forEach((m, i) => same(`${rel}#${i}`, m));
  });

  it.each(Object.keys(SNIPPETS).map((k) => [k]))('snippet %s', (name) => {
    const text = SNIPPETS[name];
    same(name, text);
    mutations(text, name.length * 104_729 + text.length).forEach((m, i) => same(`${name}#${i}`, m));
  });

  it('a file larger than the arrays kept between files (262,144 nodes)', () => {
    same('huge.tf', Array.from({ length: 15_000 }, (_, i) => `resource "a_b" "r${i}" {\n  v = "x"\n}\n`).join(''));
    same('after-huge.tf', SNIPPETS['blocks.tf']);
  });

  it('reads the snippets into non-trivial documents', () => {
    expect(parseTerraform('many.tf', SNIPPETS['many.tf']).document!.blocks).toHaveLength(1200);
    const d = parseTerraform('exprs.tf', SNIPPETS['exprs.tf']).document!;
    expect(Object.keys(d.blocks[0].attributes)).toHaveLength(15);
    expect(d.blocks[0].attributes.h.expr).toMatchObject({ t: 'ref' });
    expect(parseTerraform('broken.tf', SNIPPETS['broken.tf']).notes?.[0]).toMatch(/syntax error/);
  });

  it('keeps an attribute named __proto__ as an attribute (hostile input cannot swap a prototype)', () => {
    const text = 'resource "aws_s3_bucket" "b" {\n  __proto__ = { acl = "public-read" }\n  bucket = "x"\n}\n__proto__ = 1\n';
    same('proto.tf', text);
    const d = parseTerraform('proto.tf', text).document!;
    const attrs = d.blocks[0].attributes;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.keys(attrs)).toEqual(['__proto__', 'bucket']);
    expect(Object.getOwnPropertyDescriptor(attrs, '__proto__')?.value).toMatchObject({ name: '__proto__', line: 2 });
    expect(Object.getPrototypeOf(d.attributes)).toBe(Object.prototype);
    expect(Object.keys(d.attributes)).toEqual(['__proto__']);
  });
});
