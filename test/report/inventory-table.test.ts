/**
 * `aigis bom` table (issue 13.2/13.5), end to end through the built CLI on a crewAI-like tree: real
 * assets lead each group and those seen only in tests or docs follow them; `--all` lists packages that
 * are not AI under their own heading instead of calling them AI packages; manifests of ecosystems aigis
 * does not read are named instead of leaving the list silently short.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'aigis-invtable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "trip-planner"\nversion = "0.1.0"\ndependencies = ["crewai==0.86.0", "httpx>=0.27"]\n',
  'src/trip_planner/crew.py': 'from crewai import Agent, LLM\n\nplanner = Agent(role="Zurich Travel Planner", goal="plan", backstory="b", llm=LLM(model="gpt-4o"))\n',
  'tests/test_crew.py': 'from crewai import Agent\n\ndef test_agent():\n    a = Agent(role="Activity Scout", goal="g", backstory="b")\n    assert a\n',
  'docs/quickstart.py': 'from crewai import Agent\n\nguide = Agent(role="Budget Analyst", goal="g", backstory="b")\n',
  'gateway/Cargo.toml': '[package]\nname = "gateway"\nversion = "0.1.0"\n\n[dependencies]\nasync-openai = "0.23"\n',
};
for (const [p, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
  writeFileSync(path.join(dir, p), text);
}

function bom(...args: string[]): string {
  const r = spawnSync(process.execPath, [cli, 'bom', dir, '-q', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('aigis bom table', () => {
  const out = bom();

  it('lists the real agent before the agents seen only in docs and tests, which say so', () => {
    const agents = out.slice(out.indexOf('AGENTS (3)'));
    const order = ['Zurich Travel Planner', 'Activity Scout', 'Budget Analyst'].map((n) => agents.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    // "Zurich" sorts last by name: it leads because it is the only real one.
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[0]).toBeLessThan(order[2]);
    expect(agents).toContain('Activity Scout  [tests only]');
    expect(agents).toContain('Budget Analyst  [docs only]');
    expect(agents).toContain('Zurich Travel Planner\n');
  });

  it('names the manifests whose ecosystem it does not read, in the bom table and in scan table and markdown', () => {
    const line = 'Dependencies not inventoried (ecosystems aigis does not read): Rust (crates.io) in gateway/Cargo.toml';
    expect(out).toContain(line);
    for (const format of ['table', 'markdown']) {
      const r = spawnSync(process.execPath, [cli, 'scan', dir, '-q', '--format', format], { encoding: 'utf8' });
      expect(r.stdout, format).toContain(line);
    }
  });

  it('--all: packages that are not AI have their own heading and are not counted as AI assets', () => {
    const all = bom('--all');
    expect(all).toContain('AI PACKAGES (1)\n  crewai @ 0.86.0');
    expect(all).toMatch(/OTHER PACKAGES, NOT AI \(1\)\n {2}httpx {2}\[PyPI, unpinned\]/);
    const count = (t: string) => /^(\d+) AI assets/m.exec(t)?.[1];
    expect(count(all)).toBe(count(out));
    expect(out).toContain('+ 1 other packages (not AI; use --all or --format cyclonedx to list them)');
  });
});
