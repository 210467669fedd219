/** The Terraform document: blocks, attributes, values, references, module resolution, budgets. */
import { describe, expect, it } from 'vitest';
import { loadTerraformGrammar, nested, parseTerraform, terraformKind, TfModule } from '../../src/documents/terraform/index.js';

await loadTerraformGrammar();

const modOf = (files: Record<string, string>): TfModule => {
  const docs = Object.entries(files).map(([path, text]) => {
    const p = parseTerraform(path, text);
    expect(p.notes ?? []).toEqual([]);
    return { path, document: p.document! };
  });
  return terraformKind.project(docs)[0];
};

describe('terraform document', () => {
  const src = `variable "region" {
  default = "us-east-1"
}
locals {
  prefix = "lab-\${var.region}"
}
resource "aws_s3_bucket" "b" {
  bucket = "\${local.prefix}-data"
  tags = { Team = "ml", "Cost-Center" = 42 }
  list = [1, "a\\"q", true, null]
  role = aws_iam_role.r.arn
  idx  = aws_iam_role.r[0].arn
  cond = var.x ? aws_kms_key.k.arn : null
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
  doc = <<-EOT
    hello
      world
  EOT
  dynamic "rule" {
    for_each = var.rules
    content {
      x = rule.value
    }
  }
  nested_block {
    deep = 1
  }
}
`;
  it('reads blocks, lines, literal values and references', () => {
    const m = modOf({ 'infra/main.tf': src, 'infra/terraform.tfvars': 'region = "eu-west-1"\n' });
    expect(m.dir).toBe('infra');
    const [r] = m.resources;
    expect([r.address, r.assetId, r.block.line, r.block.endLine]).toEqual(['aws_s3_bucket.b', 'tf:infra/aws_s3_bucket.b', 7, 28]);
    const a = r.block.attributes;
    expect(m.value(a.bucket)).toBe('lab-eu-west-1-data'); // tfvars beats the default
    expect(m.value(a.tags)).toEqual({ Team: 'ml', 'Cost-Center': 42 });
    expect(m.value(a.list)).toEqual([1, 'a"q', true, null]);
    expect(m.value(a.role)).toBe('${aws_iam_role.r.arn}');
    expect(m.references(a.idx)).toEqual(['aws_iam_role.r']);
    expect(m.references(a.cond)).toEqual(['aws_kms_key.k']);
    expect(JSON.parse(m.value(a.policy) as string)).toEqual({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    expect(m.value(a.doc)).toBe('hello\n  world\n');
    expect(a.policy.line).toBe(14);
    expect(nested(r.block, 'rule').map((b) => Object.keys(b.attributes))).toEqual([['x']]);
    expect(nested(r.block, 'nested_block')[0].line).toBe(25);
    expect(m.blockReferences(r.block).sort()).toEqual(['aws_iam_role.r', 'aws_kms_key.k']);
  });

  it('broken syntax gives a note and keeps what it can', () => {
    const p = parseTerraform('x.tf', 'resource "a_b" "c" {\n  x = 1 +\n  z = 2\n}\nresource "a_b" "d" {\n  y = 1\n}\n');
    expect(p.notes?.[0]).toMatch(/syntax error near line \d+/);
    expect(p.document!.blocks.some((b) => b.labels[1] === 'd')).toBe(true);
  });

  it('deep nesting and huge inputs give a note, not a hang or a crash', () => {
    const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const p = parseTerraform('deep.tfvars', deep);
    expect(p.document).toBeDefined();
    const blocks = `${'a {\n'.repeat(200)}${'}\n'.repeat(200)}`;
    expect(parseTerraform('nest.tf', blocks).notes?.join(' ')).toMatch(/nested deeper than/);
  });

  it('a cancelled parse leaves nothing behind for the next file', () => {
    const big = Array.from({ length: 200 }, (_, i) => `resource "a_b" "r${i}" {\n  v = "x"\n}\n`).join('');
    expect(parseTerraform('big.tf', big, { maxTicks: 1 })).toEqual({ notes: ['parse cancelled: work budget exceeded'] });
    const next = parseTerraform('next.tfvars', 'x = 1\n');
    expect(next.notes).toEqual([]);
    expect(next.document).toEqual({ path: 'next.tfvars', blocks: [], attributes: { x: { name: 'x', line: 1, endLine: 1, expr: { t: 'lit', v: 1 } } } });
  });

  it('cyclic locals stay unknown', () => {
    const m = modOf({ 'main.tf': 'locals {\n  a = local.b\n  b = local.a\n}\nresource "x_y" "z" {\n  v = local.a\n}\n' });
    expect(m.value(m.resources[0].block.attributes.v)).toMatch(/^\$\{local\./);
  });

  it('resolveLocal follows local.x to the expression it holds, and stops on a cycle', () => {
    const m = modOf({ 'main.tf': 'locals {\n  a = local.b\n  b = aws_s3_bucket.data\n  c = local.d\n  d = local.c\n}\nresource "x_y" "z" {\n  v = local.a\n  w = local.c\n  u = var.x\n}\n' });
    const { v, w, u } = m.resources[0].block.attributes;
    expect(m.resolveLocal(v.expr)).toMatchObject({ t: 'ref', text: 'aws_s3_bucket.data' });
    expect(m.resolveLocal(w.expr)).toMatchObject({ t: 'ref', path: ['local', expect.stringMatching(/^[cd]$/)] });
    expect(m.resolveLocal(u.expr)).toMatchObject({ t: 'ref', text: 'var.x' });
  });
});
