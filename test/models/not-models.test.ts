/**
 * Files that share an extension with model formats but are not models (seen when aigis scans a
 * Python environment or an image): setuptools' `distutils-precedence.pth` and virtualenv's
 * `_virtualenv.pth` are site path hooks, botocore ships hundreds of `*.json.gz` service models,
 * Debian images hold `changelog.Debian.gz` and gzip man pages. They are neither inventoried as
 * models nor tried as pickles (which gave one "not a valid pickle" warning each). Their twins, real
 * pickles under the same extensions, still are.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileInfo } from '../../src/core/file-info.js';
import { identifyModelFormat } from '../../src/models/identify.js';
import { analyzeBytes, ruleIds } from './helpers.js';

const identify = (path: string, bytes: Buffer) => identifyModelFormat(fileInfo(path, bytes.length), bytes.subarray(0, 512));

const SITE_HOOK = "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n";
const SERVICE_MODEL = JSON.stringify({ version: '2.0', metadata: { apiVersion: '2023-09-30', endpointPrefix: 'bedrock-runtime', protocol: 'rest-json' }, operations: { InvokeModel: { http: { method: 'POST', requestUri: '/model/{modelId}/invoke' } } } });
/** Protocol 0, as `pickle.dumps(..., protocol=0)` writes a reduce of posix.system. */
const PROTO0_SHELL = "cposix\nsystem\np0\n(Vid\np1\ntp2\nRp3\n.";
/** Protocol 2 (`\x80\x02`) reduce of os.system. */
const PROTO2_SHELL = Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.from('cos\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.', 'latin1')]);

describe('not models', () => {
  it('site .pth hooks are not pickles', async () => {
    for (const [path, text] of [['distutils-precedence.pth', SITE_HOOK], ['_virtualenv.pth', 'import _virtualenv\n'], ['easy-install.pth', './setuptools-69.0-py3.11.egg\n'], ['lib.pth', 'lib/python3.11/site-packages\n']]) {
      const bytes = Buffer.from(text);
      expect(identify(path, bytes), path).toBeUndefined();
      const r = await analyzeBytes(path, bytes);
      expect(r.findings ?? [], path).toEqual([]);
      expect((r.notes ?? []).filter((n) => n.level !== 'info'), path).toEqual([]);
    }
  });

  it('compressed JSON, changelogs and man pages are not tried as pickles', async () => {
    for (const [path, text] of [
      ['botocore/data/bedrock-runtime/2023-09-30/service-2.json.gz', SERVICE_MODEL],
      ['usr/share/doc/libssl3/changelog.Debian.gz', 'openssl (3.0.15-1~deb12u1) bookworm-security; urgency=medium\n'],
      ['usr/share/man/man1/curl.1.gz', '.TH curl 1 "2024" "curl 8.5.0" "curl Manual"\n'],
    ]) {
      const bytes = gzipSync(Buffer.from(text));
      expect(identify(path, bytes), path).toBeUndefined();
      const r = await analyzeBytes(path, bytes);
      expect(r.findings ?? [], path).toEqual([]);
      expect(r.notes ?? [], path).toEqual([]);
    }
  });

  it('twins: a protocol-0 pickle named .pth, a gzipped .pkl and a bare .gz pickle still fire', async () => {
    const proto0 = Buffer.from(PROTO0_SHELL, 'latin1');
    expect(identify('checkpoint.pth', proto0)).toBe('pickle');
    expect(ruleIds(await analyzeBytes('checkpoint.pth', proto0))).toContain('model/pickle-code-execution');
    for (const [path, inner] of [['model.pkl.gz', proto0], ['weights.gz', PROTO2_SHELL]] as const) {
      const bytes = gzipSync(inner);
      expect(identify(path, bytes), path).toBe('gzip');
      expect(ruleIds(await analyzeBytes(path, bytes)), path).toContain('model/pickle-code-execution');
    }
  });
});
