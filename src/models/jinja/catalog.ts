/**
 * What a Jinja chat template has no business touching. Jinja's SandboxedEnvironment blocks these;
 * llama-cpp-python < 0.2.72 (CVE-2024-34359) and other loaders rendered templates unsandboxed, so
 * a template reaching them runs code when the model's chat template is applied.
 */

/** Python object internals used to climb from any value to `os` (SSTI gadget chains). */
export const INTERNAL_ATTRS = new Set([
  'mro', 'func_globals', 'func_code', 'gi_frame', 'gi_code', 'cr_frame', 'ag_frame', 'f_globals', 'f_locals', 'f_back', 'f_builtins',
  'tb_frame', 'im_func', 'im_self', '_TemplateReference__context',
]);

/** Names that only matter for running commands, importing or reading files. */
export const DANGEROUS_NAMES = new Set([
  'os', 'popen', 'subprocess', 'import_module', 'eval', 'exec', 'execfile', 'builtins', 'getattr', 'setattr', 'posix', 'check_output',
  'Popen', 'load_module',
]);

/** Template globals whose attributes lead to Python internals (lipsum.__globals__, cycler.__init__ …). */
export const GADGET_GLOBALS = new Set(['cycler', 'joiner', 'lipsum', 'namespace', 'self', 'config', 'request', 'url_for', 'get_flashed_messages', 'range', 'dict']);

/** Escape sequences that spell `_` (or a dunder) in a string literal, hiding names from plain-text checks. */
export const ESCAPED_UNDERSCORE = /\\(?:x5[fF]|u005[fF]|U0000005[fF]|137|N\{LOW LINE\})/;

export function isDunder(name: string): boolean {
  return /^__\w+__$/.test(name);
}
