/**
 * Data tables for the Keras rules. Keras resolves `module` + `class_name` of every serialized object
 * by importing the module (CVE-2025-1550: before 3.9 even with safe_mode=True), so the module is
 * what decides whether a config can reach arbitrary code.
 */

/** Modules whose objects Keras itself serializes. Anything else must be imported to load the model. */
export const KERAS_MODULE_PREFIXES = ['keras', 'tensorflow', 'tf_keras', 'keras_nlp', 'keras_hub', 'keras_cv', 'keras_rs', 'tensorflow_hub', 'tensorflow_text'];

/** Modules that give code execution, file or network access when imported and called. */
export const DANGEROUS_MODULES = [
  'os', 'posix', 'nt', 'subprocess', 'builtins', '__builtin__', 'runpy', 'sys', 'shutil', 'socket', 'importlib', 'pickle', '_pickle',
  'marshal', 'pty', 'code', 'codeop', 'pdb', 'bdb', 'webbrowser', 'urllib', 'urllib3', 'requests', 'http', 'ftplib', 'smtplib',
  'ctypes', 'multiprocessing', 'asyncio', 'types', 'operator', 'functools', 'pip', 'setuptools', 'dill', 'cloudpickle', 'joblib', 'torch',
];

/** Callables inside Keras that reach files, the network or switch safety off when named in a config. */
export const DANGEROUS_KERAS_CALLABLES: Record<string, string> = {
  get_file: 'downloads a URL to the local cache (CVE-2025-8747 bypass of safe_mode)',
  enable_unsafe_deserialization: 'switches safe_mode off for the rest of the load',
  load_model: 'loads a second model file named in the config',
  load_weights: 'reads a weights file named in the config',
};

/** Preprocessing layers whose `vocabulary` may be a file path read at load time (CVE-2025-12058). */
export const LOOKUP_LAYERS = ['StringLookup', 'IntegerLookup', 'IndexLookup', 'TextVectorization'];

/** URL schemes that make the loader reach the network or a remote file system. */
export const REMOTE_URL = /^(?:https?|ftp|gs|s3|hdfs|file):\/\/[^\s"']+/i;

export function moduleRoot(module: string): string {
  return module.split('.')[0];
}

export function isKerasModule(module: string): boolean {
  const root = moduleRoot(module);
  return KERAS_MODULE_PREFIXES.includes(root);
}

/** `registered_name` of the form `Package>Name` names a custom object registered by its package. */
export function isRegisteredCustomObject(obj: Record<string, unknown>): boolean {
  const reg = obj.registered_name;
  return typeof reg === 'string' && /^[\w.-]+>[\w.-]+$/.test(reg);
}
