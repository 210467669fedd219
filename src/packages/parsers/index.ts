/** Every package manifest / lockfile / installed-metadata parser, tried in order; the first match wins. */
import type { PackageParser } from '../types.js';
import { distInfoMetadata } from './dist-info-metadata.js';
import { environmentYml } from './environment-yml.js';
import { goMod, goSum } from './go-mod.js';
import { installedPackageJson, packageJson } from './package-json.js';
import { packageLockJson } from './package-lock-json.js';
import { pipfile, pipfileLock } from './pipfile.js';
import { pnpmLock } from './pnpm-lock-yaml.js';
import { pyprojectToml } from './pyproject-toml.js';
import { requirementsTxt } from './requirements-txt.js';
import { setupCfg } from './setup-cfg.js';
import { poetryLock, uvLock } from './toml-lock.js';
import { yarnLock } from './yarn-lock.js';

export const PACKAGE_PARSERS: readonly PackageParser[] = [
  requirementsTxt, pyprojectToml, poetryLock, uvLock, pipfile, pipfileLock, setupCfg, environmentYml, distInfoMetadata,
  installedPackageJson, packageJson, packageLockJson, yarnLock, pnpmLock, goMod, goSum,
];
