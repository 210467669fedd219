import type { RuleMeta } from '../../core/model.js';
import { dangerousGlobalFindings } from './pickle-dangerous.js';
import { SAFE_FORMAT_ADVICE, SUPPLY_CHAIN_REFS, type ModelRule } from './common.js';

const meta: RuleMeta = {
  id: 'model/pickle-system-access',
  title: 'Pickle reaches the network or the file system when loaded',
  severity: 'high',
  category: 'unsafe-artifact',
  description:
    'The pickle stream imports a global that opens network connections (socket, http.client, requests, aiohttp …) or reads, writes or deletes files (builtins.open, shutil, pathlib, tempfile …). Loading the model can exfiltrate data, fetch a second stage or tamper with files.',
  remediation: SAFE_FORMAT_ADVICE,
  references: { ...SUPPLY_CHAIN_REFS, cwe: ['CWE-502', 'CWE-918'] },
  tags: ['pickle', 'network', 'file-access', 'supply-chain'],
  confidence: 'high',
};

export const pickleSystemAccess: ModelRule = {
  meta,
  check: (ins, ctx) => dangerousGlobalFindings(meta, 'system-access', ins, ctx),
};
