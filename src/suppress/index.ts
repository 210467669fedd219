export { applyIgnores, todayUtc, type ApplyResult } from './apply.js';
export { CONFIG_KEYS, parseConfig, type AigisConfig } from './config.js';
export { compilePathGlob } from './glob.js';
export { parseIgnoreFile, SuppressionConfigError, type IgnoreEntry } from './ignore-entry.js';
export { inlineSuppressions, ruleMatches } from './inline.js';
export { applyBaseline, BaselineError, parseBaseline } from './baseline.js';
