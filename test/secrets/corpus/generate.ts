/**
 * Generates the secrets corpus: realistic leaks (every place keys really end up) and look-alike decoys,
 * with fake, format-valid keys from a fixed seed. The output is committed; regenerate with
 *
 *   npx vite-node test/secrets/corpus/generate.ts
 *
 * Templates mark a key with `@@kind@@` (expected finding on that line), `@@b64:kind@@` (base64 of the
 * key, for Kubernetes Secret data), `@@b64env:kind@@` (base64 of a small .env holding the key),
 * `@@awsPair@@`/`@@awsPairSecret@@` (an AWS key id and its secret: one pair finding) and
 * `@@decoy:kind@@` (a generated look-alike that must stay quiet).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALPHABETS, KeyGen, RULE_OF, type KeyKind } from '../fake-keys.js';
import { DECOYS, LEAKS, notebook } from './templates.js';

export interface Expected {
  file: string;
  line: number;
  rule: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const g = new KeyGen(0xa1615);

function decoy(kind: string): string {
  const { hex, b64, b62 } = ALPHABETS;
  switch (kind) {
    case 'sha1': return g.chars(hex, 40);
    case 'sha256': return g.chars(hex, 64);
    case 'md5': return g.chars(hex, 32);
    case 'uuid': return `${g.chars(hex, 8)}-${g.chars(hex, 4)}-4${g.chars(hex, 3)}-a${g.chars(hex, 3)}-${g.chars(hex, 12)}`;
    case 'integrity': return `sha512-${g.chars(b64, 86)}==`;
    case 'sha256b64': return `${g.chars(b64, 43)}=`;
    case 'blob': return g.chars(b64, 2400);
    case 'png': return `iVBORw0KGgoAAAANSUhEUgAA${g.chars(b64, 6000)}`;
    case 'alnum32': return g.chars(b62, 32);
    case 'alnum40': return g.chars(b62, 40);
    case 'b64secret40': return g.chars(b64, 40);
    default: {
      // `prefix:<kind>`: a real-format key glued into a longer token → not a key.
      if (kind.startsWith('glued:')) return `my${g.key(kind.slice(6) as KeyKind)}`;
      if (kind.startsWith('tail:')) return `${g.key(kind.slice(5) as KeyKind)}XYZ9`;
      throw new Error(`unknown decoy ${kind}`);
    }
  }
}

export function render(file: string, template: string, expected: Expected[]): string {
  let pendingAwsLine = 0;
  const lines = template.split('\n');
  return lines
    .map((line, i) =>
      line.replace(/@@([A-Za-z0-9:]+)@@/g, (_m, spec: string) => {
        const [op, arg] = spec.includes(':') ? spec.split(/:(.*)/s) : ['key', spec];
        if (op === 'decoy' || op === 'glued' || op === 'tail') return decoy(op === 'decoy' ? arg : spec);
        if (spec === 'awsPair') {
          pendingAwsLine = i + 1;
          expected.push({ file, line: i + 1, rule: 'secret/aws-access-key' });
          return g.pick(['AKIA', 'ASIA']) + g.chars(ALPHABETS.awsId, 16);
        }
        if (spec === 'awsPairSecret') {
          if (!pendingAwsLine) throw new Error(`${file}: awsPairSecret without awsPair`);
          return g.key('awsSecret');
        }
        const kind = arg as KeyKind;
        if (!(kind in RULE_OF)) throw new Error(`${file}: unknown key kind ${kind}`);
        const value = g.key(kind);
        expected.push({ file, line: i + 1, rule: RULE_OF[kind] });
        if (op === 'b64') return Buffer.from(value).toString('base64');
        if (op === 'b64env') {
          const name = kind.toUpperCase().replace(/[^A-Z0-9]/g, '_');
          return Buffer.from(`# runtime config\n${name}_KEY=${value}\nLOG_LEVEL=info\n`).toString('base64');
        }
        return value;
      }),
    )
    .join('\n');
}

function main(): void {
  rmSync(join(here, 'leaks'), { recursive: true, force: true });
  rmSync(join(here, 'decoys'), { recursive: true, force: true });
  const expected: Expected[] = [];
  const write = (rel: string, content: string) => {
    const path = join(here, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  for (const [rel, tpl] of Object.entries(LEAKS)) write(`leaks/${rel}`, render(`leaks/${rel}`, typeof tpl === 'function' ? tpl() : tpl, expected));
  const before = expected.length;
  for (const [rel, tpl] of Object.entries(DECOYS)) write(`decoys/${rel}`, render(`decoys/${rel}`, typeof tpl === 'function' ? tpl() : tpl, expected));
  if (expected.length !== before) throw new Error('a decoy template contains a key marker');
  write('expected.json', `${JSON.stringify(expected, null, 1)}\n`);
  console.log(`corpus: ${Object.keys(LEAKS).length} leak files, ${Object.keys(DECOYS).length} decoy files, ${expected.length} expected findings`);
}

void notebook;
main();
