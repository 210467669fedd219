/** Every `model/*` rule of the pickle and container analyzer, in report order. */
import type { ModelRule } from './common.js';
import { pickleCodeExecution } from './pickle-code-execution.js';
import { pickleSystemAccess } from './pickle-system-access.js';
import { pickleModuleTampering } from './pickle-module-tampering.js';
import { pickleUnknownGlobal } from './pickle-unknown-global.js';
import { pickleAnalysisIncomplete } from './pickle-analysis-incomplete.js';
import { torchscriptArchive } from './torchscript-archive.js';
import { archivePathTraversal } from './archive-path-traversal.js';
import { archiveHiddenContent } from './archive-hidden-content.js';
import { archiveAnomaly } from './archive-anomaly.js';
import { numpyObjectArray } from './numpy-object-array.js';

export const MODEL_PICKLE_RULES: ModelRule[] = [
  pickleCodeExecution,
  pickleSystemAccess,
  pickleModuleTampering,
  pickleUnknownGlobal,
  pickleAnalysisIncomplete,
  torchscriptArchive,
  archivePathTraversal,
  archiveHiddenContent,
  archiveAnomaly,
  numpyObjectArray,
];
