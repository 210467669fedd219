/**
 * Installed packages inside a container image (docker save archive built here with tar-stream):
 * `site-packages/*.dist-info/METADATA` and `node_modules/<name>/package.json` are inventoried and
 * matched, node_modules included even though directory scans skip it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';

async function tarOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name, mtime: new Date(1_700_000_000_000) }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('installed packages in an image', () => {
  it('matches dist-info and node_modules packages', async () => {
    const layer = await tarOf({
      'usr/lib/python3.11/site-packages/torch-2.5.1+cu121.dist-info/METADATA': 'Metadata-Version: 2.1\nName: torch\nVersion: 2.5.1+cu121\n\nPyTorch\n',
      'usr/lib/python3.11/site-packages/ultralytics-8.3.41.dist-info/METADATA': 'Metadata-Version: 2.1\nName: ultralytics\nVersion: 8.3.41\n',
      'app/node_modules/mcp-remote/package.json': '{\n  "name": "mcp-remote",\n  "version": "0.1.15"\n}\n',
    });
    const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] }, history: [] });
    const image = await tarOf({
      'manifest.json': JSON.stringify([{ Config: 'config.json', RepoTags: ['ai-lab:test'], Layers: ['l1/layer.tar'] }]),
      'config.json': config,
      'l1/layer.tar': layer,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-img-'));
    const file = path.join(dir, 'image.tar');
    writeFileSync(file, image);
    const root = path.resolve(__dirname, '../..');
    const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'scan', file, '--format', 'json', '-q'], { encoding: 'utf8', env: { ...process.env, AIGIS_CACHE_DIR: dir } });
    const report = JSON.parse(r.stdout) as { target: { type: string }; findings: { ruleId: string; location: { path: string } }[] };
    expect(report.target.type).toBe('image');
    const hits = report.findings.map((f) => `${f.ruleId} ${f.location.path}`);
    expect(hits).toContain('vuln/GHSA-53q9-r3pm-6pq6 usr/lib/python3.11/site-packages/torch-2.5.1+cu121.dist-info/METADATA');
    expect(hits).toContain('vuln/PYSEC-2024-154 usr/lib/python3.11/site-packages/ultralytics-8.3.41.dist-info/METADATA');
    expect(hits).toContain('vuln/GHSA-6xpm-ggf7-wc3p app/node_modules/mcp-remote/package.json');
  });
});
