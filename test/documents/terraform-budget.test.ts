/**
 * The Terraform parse budget on hostile input: text that keeps tree-sitter in error recovery or keeps
 * the grammar's template scanner deep is stopped with a note, and valid Terraform of any size is not.
 * Inputs are built in memory; no timing is asserted, only the budget's outcome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTerraformGrammar, parseTerraform } from '../../src/documents/terraform/index.js';
import { parseWork } from '../../src/documents/terraform/parse.js';
import { DEPTH_BLOCK_SHIFT, MAX_TOKENS, scanStructure } from '../../src/documents/terraform/structure.js';

await loadTerraformGrammar();

const CANCELLED = 'parse cancelled: work budget exceeded';
const SIZE = 128 * 1024;
const fill = (head: string, unit: string, size = SIZE): string => head + unit.repeat(Math.floor((size - head.length) / unit.length));
/** Deterministic pseudo-random text from an alphabet of tokens. */
const random = (tokens: string[], size = SIZE, seed = 1): string => {
  let s = seed;
  let out = '';
  while (out.length < size) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += tokens[s % tokens.length];
  }
  return out;
};
const printable = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\n'];
/** Valid Terraform of about `size` characters: `n` resources of two kinds, templates, a heredoc and lists. */
const valid = (size = SIZE): { text: string; resources: number } => {
  const parts: string[] = [];
  let n = 0;
  let length = 0;
  while (length < size) {
    const p = `resource "aws_s3_bucket" "b${n}" {\n  bucket = "\${local.prefix}-\${join("-", [for s in var.parts : "\${s}-x"])}-${n}"\n  tags   = { team = "ml", n = ${n}, list = [1, 2, 3] }\n}\nresource "aws_iam_policy" "p${n}" {\n  policy = <<-EOT\n    {"Statement": [{"Effect": "Allow", "Resource": "arn:aws:s3:::\${var.b}-${n}/*"}]}\n  EOT\n}\n`;
    parts.push(p);
    length += p.length;
    n += 2;
  }
  return { text: parts.join(''), resources: n };
};

describe('terraform parse budget', () => {
  const hostile: Record<string, string> = {
    'nested unterminated interpolations "${"${…': fill('x = ', '"${'),
    'lines of a = "${': fill('', 'a = "${\n'),
    'random printable characters and line breaks': random(printable),
    'random template tokens': random(['"', '${', '}', '[', ']', '{', '(', ')', '=', 'a', ' ', '\n', '%{', '<<EOT\n', ',', '.', '1', '?', ':']),
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`${name}: stopped with a note`, () => {
      expect(parseTerraform('hostile.tf', text)).toEqual({ notes: [CANCELLED] });
      // The parser is left clean for the next file.
      expect(parseTerraform('next.tf', 'x = 1\n').notes).toEqual([]);
    });
  }

  it('a block inside an unclosed template or object: read up to that line when the rest is large', () => {
    // From the first block on, tree-sitter's recovery is quadratic in the rest of the file.
    for (const head of [fill('', 'a = "${\n', 4096), 'x = {\n']) {
      const text = head + valid(320 * 1024).text;
      const p = parseTerraform('broken.tf', text);
      const line = head.split('\n').length;
      expect(p.notes?.[0]).toBe(`a block opens inside an unclosed object or template at line ${line}; the rest of the file is not read`);
      expect(p.document!.blocks).toEqual([]);
    }
    // A small file is read whole (as tree-sitter recovers it), with no note from the budget.
    const small = 'x = {\n' + valid(16 * 1024).text;
    expect(parseTerraform('small.tf', small).notes).toEqual(['syntax error near line 1; read as far as the grammar recovers']);
  });

  it('valid Terraform of the same size parses completely, with room to spare', () => {
    const { text, resources } = valid();
    const full = parseTerraform('valid.tf', text);
    expect(full.notes).toEqual([]);
    expect(full.document!.blocks.filter((b) => b.type === 'resource')).toHaveLength(resources);
    // It needs less than half of its budget: the default is 1000 + 64 units per KiB.
    const half = Math.floor((1000 + Math.ceil(text.length / 1024) * 64) / 2);
    expect(parseTerraform('valid.tf', text, { maxTicks: half }).notes).toEqual([]);
  });

  it('a file with ordinary syntax errors is still read', () => {
    const { text, resources } = valid();
    const broken = `resource "a_b" "c" {\n  x = 1 +\n}\ny = {{ cookiecutter.name }}\n${text}`;
    const p = parseTerraform('broken.tf', broken);
    expect(p.notes).toEqual(['syntax error near line 2; read as far as the grammar recovers']);
    expect(p.document!.blocks.filter((b) => b.type === 'resource')).toHaveLength(resources + 1);
  });

  it('hostile shapes that stay cheap are read, not cancelled', () => {
    for (const text of [fill('x = ', '['), fill('x = ', '{'), fill('x = "', '%{ if a }'), fill('x = <<EOT\n', 'line ${a} text\n')]) {
      const p = parseTerraform('cheap.tf', text);
      expect(p.notes).not.toContain(CANCELLED);
      expect(p.document).toBeDefined();
    }
  });

  it('every .tf and .tfvars file of the repository parses without hitting the budget', () => {
    const files = readdirSync('.', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(tf|tfvars)$/.test(f) && !/^(node_modules|dist|coverage|\.git)\//.test(f))
      .sort();
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(parseTerraform(f, readFileSync(f, 'utf8')).notes, f).not.toContain(CANCELLED);
  });

  it('reads at most MAX_TOKENS tokens: a longer file is read up to the line where the count passes it', () => {
    // tree-sitter keeps every token as a node while parsing (a 4 MiB one-line list took 1.2 GB).
    const oneLine = `x = [${'1,'.repeat(MAX_TOKENS)}1]\n`;
    expect(scanStructure(oneLine).tooLongAt).toBe(0);
    expect(parseTerraform('list.tf', oneLine)).toMatchObject({ notes: [`more than ${MAX_TOKENS} tokens by line 1; the rest of the file is not read`] });
    // Many lines: the blocks before the cut are read, with the note naming its line.
    const line = 'resource "aws_s3_bucket" "b" { n = [1, 2, 3, "x-${var.y}"] }\n'; // 21 tokens
    const lines = Math.ceil(MAX_TOKENS / 21) + 100;
    const text = line.repeat(lines);
    const cut = scanStructure(text).tooLongAt!;
    expect(cut % line.length).toBe(0);
    const readLines = cut / line.length;
    expect(readLines).toBe(Math.floor(MAX_TOKENS / 21));
    expect(readLines).toBeLessThan(lines);
    const p = parseTerraform('long.tf', text);
    expect(p.notes).toEqual([`more than ${MAX_TOKENS} tokens by line ${readLines + 1}; the rest of the file is not read`]);
    expect(p.document!.blocks).toHaveLength(readLines);
    // Safe twin: the same file just under the count is read whole, with no note.
    const under = line.repeat(readLines - 1);
    expect(scanStructure(under).tooLongAt).toBeUndefined();
    // Strings, comments and heredoc bodies are not counted character by character.
    const wordy = `x = "${'word '.repeat(MAX_TOKENS)}"\n# ${'a b '.repeat(MAX_TOKENS)}\ny = <<EOT\n${'c d\n'.repeat(MAX_TOKENS / 2)}EOT\n`;
    expect(scanStructure(wordy).tooLongAt).toBeUndefined();
  });

  it('weighs calls in error recovery and deep templates, and caps calls in error recovery', () => {
    const text = 'x = 1\n'.repeat(2000); // 12,000 characters: a budget of 1000 + 12 * 64 = 1768 units
    const calls = (work: (s: { currentOffset: number; hasError: boolean }) => boolean, state: { currentOffset: number; hasError: boolean }): number => {
      let n = 1;
      while (!work(state)) n++;
      return n;
    };
    expect(calls(parseWork(text), { currentOffset: 0, hasError: false })).toBe(1769);
    expect(calls(parseWork(text), { currentOffset: 0, hasError: true })).toBe(590); // 3 units each
    expect(calls(parseWork(text, 1e9), { currentOffset: 0, hasError: true })).toBe(8001);
    const deep = `x = ${'"${'.repeat(100)}${' a +'.repeat(3000)} a\n`;
    const at = 2 * (deep.length - 10); // UTF-16 bytes, in the deep part
    expect(calls(parseWork(deep, 1000), { currentOffset: at, hasError: false })).toBe(31); // 200 contexts: 1 + min(200, 128) / 4 = 33 units each
    const broken = `x = {\n${'resource "a" "b" {\n}\n'.repeat(2000)}`;
    expect(scanStructure(broken).brokenAt).toBe(6);
    expect(calls(parseWork(broken, 3000), { currentOffset: 2 * 5, hasError: false })).toBe(3001); // before the break: only the units
    expect(calls(parseWork(broken, 3000), { currentOffset: 2 * 6, hasError: false })).toBe(1501);
  });

  it('the structure breaks only where a block opens inside an object or a template', () => {
    const breaks = (text: string): number | undefined => scanStructure(text).brokenAt;
    expect(breaks('x = {\n  a = 1\nresource "a" "b" {\n}\n')).toBe(14);
    expect(breaks('x = "${\nlocals { # c\n}\n')).toBe(8);
    expect(breaks('x = [{\n  dynamic "d" {\n')).toBe(7);
    // Blocks inside blocks, lists and heredocs; one-line blocks; objects across lines; comments.
    expect(breaks('a "b" {\n  c {\n    d = { e = 1 }\n    f {\n    }\n  }\n}\nv "x" { default = {} }\n')).toBeUndefined();
    expect(breaks('x = [\nresource "a" "b" {\n}\n')).toBeUndefined();
    expect(breaks('x = {\n  a = <<EOT\nresource "a" "b" {\nEOT\n  c = {\n    d = 1\n  }\n}\nr "a" "b" {\n}\n')).toBeUndefined();
    expect(breaks('x = { # {\n  a = "}"\n}\nr "a" {\n}\n')).toBeUndefined();
  });

  it('template depth follows the scanner: strings, interpolations, directives, heredocs, comments', () => {
    const at = (text: string, marker: string): number => scanStructure(text).depths[text.indexOf(marker) >> DEPTH_BLOCK_SHIFT];
    const pad = (s: string): string => `${s}${' '.repeat(64)}`;
    expect(at(pad(`${' '.repeat(64)}x = "a \${ "b \${ c } d" } e"`) + 'END', 'END')).toBe(0);
    expect(at(`${' '.repeat(128)}x = "a \${ { k = "\${v}" } }${' '.repeat(64)}END`, 'END')).toBe(1); // still inside "a …
    expect(at(`x = <<-EOT\n  %{ for s in l }\${s}%{ endfor }\n  EOT\n${' '.repeat(128)}END`, 'END')).toBe(0);
    expect(at(`# "\${ not a template\n// "\n/* "\${ */\n${' '.repeat(128)}END`, 'END')).toBe(0);
    expect(at(`x = "a\\"\${b}\\\\"${' '.repeat(128)}END`, 'END')).toBe(0);
    expect(at(`x = "$\${ %%{ literal"${' '.repeat(128)}END`, 'END')).toBe(0);
    expect(at(`${'a = "${\n'.repeat(50)}${' '.repeat(128)}END`, 'END')).toBe(100);
  });
});
