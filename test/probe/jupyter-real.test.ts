/**
 * A real Jupyter Server (Debian's python3-jupyter-server, installed by .ci/run) started on 127.0.0.1,
 * once with a token and once without: the one without must be reported open, the other protected.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/engine.js';
import { parseTarget } from '../../src/probe/targets.js';

const PYTHON = '/usr/bin/python3';
const available = spawnSync(PYTHON, ['-c', 'import jupyter_server'], { stdio: 'ignore' }).status === 0;
if (!available) console.warn('python3-jupyter-server is not installed (see .ci/run): the real-server test is skipped');

const started: Array<{ child: ChildProcess; dir: string }> = [];
afterAll(() => {
  for (const s of started) {
    s.child.kill('SIGTERM');
    rmSync(s.dir, { recursive: true, force: true });
  }
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startJupyter(token: string): Promise<string> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aigis-jupyter-'));
  const child = spawn(
    PYTHON,
    ['-m', 'jupyter_server', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', '--no-browser', '--allow-root', `--ServerApp.token=${token}`, "--ServerApp.password=", `--ServerApp.root_dir=${dir}`],
    { env: { ...process.env, HOME: dir, JUPYTER_CONFIG_DIR: path.join(dir, 'cfg'), JUPYTER_DATA_DIR: path.join(dir, 'data'), JUPYTER_RUNTIME_DIR: path.join(dir, 'rt') }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  started.push({ child, dir });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`jupyter server exited: ${log}`);
    const up = await fetch(`${url}/api`).then((r) => r.ok, () => false);
    if (up) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`jupyter server did not start: ${log}`);
}

describe.skipIf(!available)('real Jupyter Server', () => {
  it('without a token: reported open (critical) at the kernels/status API', async () => {
    const url = await startJupyter('');
    const r = await runProbe([parseTarget(url)], { timeoutMs: 5000 });
    const f = r.findings.find((x) => x.ruleId === 'probe/jupyter-server-unauthenticated');
    expect(f, JSON.stringify(r.findings.map((x) => x.ruleId))).toBeDefined();
    expect(f!.severity).toBe('critical');
    expect(f!.location.url).toMatch(new RegExp(`^${url}/api/(status|kernels)$`));
  });

  it('with a token: no finding, a protected jupyter-server asset', async () => {
    const url = await startJupyter('aigis-test-token-0123456789abcdef');
    const r = await runProbe([parseTarget(url)], { timeoutMs: 5000 });
    expect(r.findings.map((x) => x.ruleId)).toEqual([]);
    const a = r.assets.find((x) => x.properties.service === 'jupyter-server');
    expect(a?.properties.auth).toBe('required');
  });
});
