/**
 * One realistic input per manifest / lockfile format (test/fixtures/packages/<format>/), checked
 * entry by entry: normalised name, version or specifier, pinned, direct, file and line.
 */
import { describe, expect, it } from 'vitest';
import { scanFiles, scanFixture, summary } from './harness.js';

describe('Python manifests', () => {
  it('requirements.txt: includes, constraints, extras, markers, hashes, continuations, URLs, comments', async () => {
    const { assets, notes } = await scanFixture('requirements');
    expect(summary(assets)).toEqual([
      'PyPI:fastapi@0.115.0 reqs/base.in:1 pinned direct',
      'PyPI:langchain-core@>=0.3,<0.4 requirements.txt:12 direct',
      'PyPI:llama-cpp-python@0.2.70 requirements.txt:16 pinned direct',
      'PyPI:numpy@1.26.4 requirements.txt:15 pinned direct',
      'PyPI:peft@git+https://github.com/huggingface/peft.git@v0.13.0#egg=peft requirements.txt:17 direct',
      'PyPI:ray@2.9.3 requirements.txt:11 pinned direct',
      'PyPI:torch@2.5.1+cu121 requirements.txt:8 pinned direct',
      'PyPI:transformers@~=4.46.0 requirements.txt:13 direct',
      'PyPI:urllib3@2.2.3 constraints.txt:1 pinned',
      'PyPI:vllm@ requirements.txt:14 direct',
    ]);
    expect(notes).toEqual([]);
    const ray = assets.find((a) => a.name === 'ray')!;
    expect(ray.id).toBe('pkg:pypi/ray@2.9.3');
    expect(ray.properties.aiCategory).toBe('serving');
    expect(assets.find((a) => a.name === 'torch')!.id).toBe('pkg:pypi/torch@2.5.1%2Bcu121');
  });

  it('pyproject.toml: PEP 621, optional deps, dependency groups, uv dev deps, Poetry', async () => {
    const { assets } = await scanFixture('pyproject');
    expect(summary(assets)).toEqual([
      'PyPI:chromadb@~=0.5 pyproject.toml:8 direct',
      'PyPI:hypothesis@* pyproject.toml:29 direct',
      'PyPI:ipykernel@ pyproject.toml:20 direct',
      'PyPI:keras@^3.0 pyproject.toml:25 direct',
      'PyPI:langchain-core@0.3.80 pyproject.toml:6 pinned direct',
      'PyPI:openai@>=1.40 pyproject.toml:7 direct',
      'PyPI:peft@git:https://github.com/huggingface/peft.git pyproject.toml:26 direct',
      'PyPI:pytest@>=8 pyproject.toml:16 direct',
      'PyPI:ray@2.9.3 pyproject.toml:24 pinned direct',
      'PyPI:ruff@ pyproject.toml:17 direct',
      'PyPI:sentence-transformers@3.2.1 pyproject.toml:9 pinned direct',
      'PyPI:torch@2.5.1 pyproject.toml:13 pinned direct',
    ]);
  });

  it('poetry.lock: every package pinned, transitive unless pyproject says otherwise', async () => {
    const { assets } = await scanFixture('poetry');
    expect(summary(assets)).toEqual(['PyPI:langchain-core@0.3.80 poetry.lock:4 pinned', 'PyPI:pydantic@2.9.2 poetry.lock:17 pinned']);
  });

  it('uv.lock: the project entry gives the direct dependencies and is not itself a package', async () => {
    const { assets } = await scanFixture('uv');
    expect(summary(assets)).toEqual(['PyPI:httpx@0.27.2 uv.lock:22 pinned', 'PyPI:mcp@1.2.0 uv.lock:14 pinned direct', 'PyPI:vllm@0.8.4 uv.lock:27 pinned direct']);
  });

  it('Pipfile and Pipfile.lock', async () => {
    const { assets } = await scanFixture('pipfile');
    expect(summary(assets)).toEqual([
      'PyPI:gradio@4.19.0 Pipfile.lock:9 pinned',
      'PyPI:gradio@4.19.0 Pipfile:7 pinned direct',
      'PyPI:mlflow@2.9.2 Pipfile.lock:14 pinned',
      'PyPI:mlflow@2.9.2 Pipfile:9 pinned direct',
      'PyPI:pytest@8.3.3 Pipfile.lock:20 pinned',
      'PyPI:pytest@>=8 Pipfile:12 direct',
      'PyPI:transformers@* Pipfile:8 direct',
    ]);
  });

  it('setup.cfg install_requires and extras_require', async () => {
    const { assets } = await scanFixture('setupcfg');
    expect(summary(assets)).toEqual([
      'PyPI:bentoml@1.2.0 setup.cfg:9 pinned direct',
      'PyPI:mlflow@2.9.2 setup.cfg:13 pinned direct',
      'PyPI:torch@2.5.1 setup.cfg:7 pinned direct',
      'PyPI:transformers@>=4.40 setup.cfg:8 direct',
    ]);
  });

  it('conda environment.yml: conda packages and the pip: subsection', async () => {
    const { assets } = await scanFixture('conda');
    expect(summary(assets)).toEqual([
      'PyPI:accelerate@>=1.0 environment.yml:14 direct',
      'PyPI:transformers@4.46.0 environment.yml:12 pinned direct',
      'conda:numpy@>=1.26 environment.yml:9 direct',
      'conda:pytorch@2.5.1 environment.yml:8 pinned direct',
    ]);
    expect(assets.find((a) => a.name === 'pytorch')!.properties.aiCategory).toBe('framework');
  });

  it('installed dist-info METADATA', async () => {
    const { assets } = await scanFixture('distinfo');
    expect(summary(assets)).toEqual(['PyPI:torch@2.5.1+cu121 site-packages/torch-2.5.1+cu121.dist-info/METADATA:2 pinned']);
    expect(assets[0].properties.source).toBe('installed');
  });
});

describe('npm manifests', () => {
  it('package.json: exact versions are pinned, ranges are not, aliases resolve to the real package', async () => {
    const { assets } = await scanFixture('npm');
    expect(summary(assets)).toEqual([
      'npm:@modelcontextprotocol/inspector@0.14.0 package.json:12 pinned direct',
      'npm:@modelcontextprotocol/sdk@^1.10.0 package.json:5 direct',
      'npm:ai@5.0.10 package.json:8 pinned direct',
      'npm:local-lib@file:../lib package.json:9 direct',
      'npm:mcp-remote@0.1.15 package.json:6 pinned direct',
      'npm:openai@~4.77.0 package.json:7 direct',
      'npm:typescript@^5.6.0 package.json:13 direct',
    ]);
    expect(assets.find((a) => a.name === '@modelcontextprotocol/inspector')!.id).toBe('pkg:npm/%40modelcontextprotocol/inspector@0.14.0');
  });

  it('package-lock.json v3: install paths, nested copies, links skipped, direct from the root', async () => {
    const { assets } = await scanFixture('lockv3');
    expect(summary(assets)).toEqual([
      'npm:@langchain/core@0.3.40 package-lock.json:15 pinned direct',
      'npm:mcp-remote@0.1.15 package-lock.json:22 pinned direct',
      'npm:zod@3.22.4 package-lock.json:30 pinned',
      'npm:zod@3.23.8 package-lock.json:26 pinned',
    ]);
  });

  it('package-lock.json v1: nested dependencies', async () => {
    const { assets } = await scanFixture('lockv1');
    expect(summary(assets)).toEqual(['npm:langchain@0.3.5 package-lock.json:7 pinned', 'npm:zod@3.21.0 package-lock.json:14 pinned', 'npm:zod@3.22.4 package-lock.json:19 pinned']);
  });

  it('yarn.lock classic', async () => {
    const { assets } = await scanFixture('yarn-classic');
    expect(summary(assets)).toEqual(['npm:@langchain/core@0.3.40 yarn.lock:5 pinned', 'npm:mcp-remote@0.1.15 yarn.lock:12 pinned', 'npm:zod@3.22.4 yarn.lock:16 pinned']);
  });

  it('yarn.lock berry: metadata and workspace entries skipped', async () => {
    const { assets } = await scanFixture('yarn-berry');
    expect(summary(assets)).toEqual(['npm:@modelcontextprotocol/inspector@0.14.0 yarn.lock:8 pinned', 'npm:ai@5.0.10 yarn.lock:15 pinned']);
  });

  it('pnpm-lock.yaml v9 and v6', async () => {
    expect(summary((await scanFixture('pnpm9')).assets)).toEqual([
      'npm:@modelcontextprotocol/sdk@1.10.2 pnpm-lock.yaml:20 pinned direct',
      'npm:openai@4.77.0 pnpm-lock.yaml:24 pinned direct',
      'npm:zod@3.23.8 pnpm-lock.yaml:29 pinned',
    ]);
    expect(summary((await scanFixture('pnpm6')).assets)).toEqual(['npm:langchain@0.3.5 pnpm-lock.yaml:10 pinned direct', 'npm:openai@4.77.0 pnpm-lock.yaml:14 pinned']);
  });

  it('installed node_modules/*/package.json', async () => {
    // Built here rather than committed: a committed node_modules/ folder looks like vendored dependencies.
    const { assets } = await scanFiles({
      'node_modules/mcp-remote/package.json': '{\n  "name": "mcp-remote",\n  "version": "0.1.15",\n  "bin": { "mcp-remote": "dist/proxy.js" }\n}\n',
      'node_modules/@langchain/core/package.json': '{\n  "name": "@langchain/core",\n  "version": "0.3.40",\n  "type": "module"\n}\n',
    });
    expect(summary(assets)).toEqual(['npm:@langchain/core@0.3.40 node_modules/@langchain/core/package.json:3 pinned', 'npm:mcp-remote@0.1.15 node_modules/mcp-remote/package.json:3 pinned']);
  });
});

describe('malformed manifests give notes, never a failed scan', () => {
  it('truncated JSON, TOML and YAML, and a broken requirement line', async () => {
    const { assets, notes } = await scanFixture('malformed');
    const byFile = Object.fromEntries(notes.map((n) => [n.path, n.message]));
    expect(byFile['package.json']).toMatch(/package-json: cannot parse/);
    expect(byFile['pyproject.toml']).toMatch(/pyproject-toml: cannot parse/);
    expect(byFile['pnpm-lock.yaml']).toMatch(/pnpm-lock-yaml: cannot parse/);
    expect(byFile['requirements.txt']).toMatch(/line 2: cannot parse requirement "this is \(not a requirement"/);
    // The good line of the requirements file is still inventoried.
    expect(summary(assets)).toEqual(['PyPI:torch@2.5.1 requirements.txt:1 pinned direct']);
  });
});
