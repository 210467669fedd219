/**
 * Verdict tables for pickle globals. Keys are dotted paths (`module.name`); an entry matches the path
 * itself and everything below it (`os` matches `os.system` and `os.path.join`). The denylist is
 * checked first, then the allowlist; anything else is an unknown global (medium).
 *
 * Sources: the bypasses documented against picklescan, modelscan, fickling and ModelAudit
 * (GHSA advisories 2025), CVE-2025-1716 (pip.main), CVE-2025-32434 (torch.load), and the
 * `weights_only` allowlist of torch.serialization.
 */

export type DenyCategory = 'code-execution' | 'system-access';

export interface DenyEntry {
  category: DenyCategory;
  /** Why this global is dangerous, shown in findings. */
  why: string;
}

const exec = (why: string): DenyEntry => ({ category: 'code-execution', why });
const sys = (why: string): DenyEntry => ({ category: 'system-access', why });

/** Globals that run code on load (critical) or reach files, processes' environment or the network (high). */
export const DENYLIST: Record<string, DenyEntry> = {
  // Path objects are plain values (hyper-parameters often hold them); their I/O methods are not.
  ...pathMethods(),
  // Operating system and processes
  os: exec('runs shell commands and touches the file system (os.system, os.popen, os.exec*)'),
  posix: exec('runs shell commands and touches the file system (the os module under its POSIX name)'),
  nt: exec('runs shell commands and touches the file system (the os module under its Windows name)'),
  _posixsubprocess: exec('spawns processes'),
  subprocess: exec('spawns processes'),
  pty: exec('spawns a shell (pty.spawn)'),
  multiprocessing: exec('starts processes running arbitrary callables'),
  _winapi: exec('Windows process API'),
  ctypes: exec('calls native code'),
  cffi: exec('calls native code'),
  signal: exec('changes signal handlers of the loading process'),
  sys: exec('changes the interpreter (sys.modules, sys.path, sys.exit)'),
  // Python evaluation
  'builtins.eval': exec('evaluates Python code'),
  'builtins.exec': exec('executes Python code'),
  'builtins.execfile': exec('executes a Python file'),
  'builtins.compile': exec('compiles Python code'),
  'builtins.__import__': exec('imports any module'),
  'builtins.getattr': exec('reaches any attribute, a gadget for calling anything'),
  'builtins.setattr': exec('overwrites attributes of modules or classes'),
  'builtins.delattr': exec('deletes attributes of modules or classes'),
  'builtins.globals': exec('exposes the global namespace'),
  'builtins.locals': exec('exposes the local namespace'),
  'builtins.vars': exec('exposes an object namespace'),
  'builtins.apply': exec('calls any callable (Python 2)'),
  'builtins.breakpoint': exec('starts a debugger'),
  'builtins.input': exec('reads from stdin (Python 2 input evaluated it)'),
  'builtins.reload': exec('re-imports a module'),
  'builtins.type': exec('creates classes with arbitrary members'),
  'builtins.memoryview': exec('raw memory access'),
  'builtins.help': exec('starts pydoc, which runs a pager'),
  'builtins.open': sys('opens files for reading or writing'),
  'builtins.file': sys('opens files (Python 2)'),
  runpy: exec('runs modules and code'),
  code: exec('interactive interpreter (code.InteractiveInterpreter)'),
  codeop: exec('compiles Python code'),
  pdb: exec('debugger that evaluates code'),
  bdb: exec('debugger base that runs code (bdb.Bdb.run)'),
  trace: exec('runs code under tracing'),
  cProfile: exec('runs code under the profiler'),
  profile: exec('runs code under the profiler'),
  timeit: exec('executes code strings'),
  doctest: exec('executes docstrings as code'),
  pydoc: exec('runs pagers and imports modules (pydoc.pipepager, pydoc.locate)'),
  importlib: exec('imports any module'),
  imp: exec('imports any module'),
  zipimport: exec('imports code from zip files'),
  pkgutil: exec('resolves and imports any name (pkgutil.resolve_name)'),
  site: exec('changes the import path'),
  marshal: exec('loads code objects'),
  'types.CodeType': exec('builds code objects'),
  'types.FunctionType': exec('builds functions from code objects'),
  'types.MethodType': exec('binds arbitrary callables'),
  'types.ModuleType': exec('builds modules'),
  pip: exec('installs packages from the network (pip.main, CVE-2025-1716)'),
  ensurepip: exec('installs pip'),
  venv: exec('creates environments and runs pip'),
  distutils: exec('builds and runs code'),
  setuptools: exec('builds and runs code'),
  'numpy.f2py': exec('compiles and runs Fortran/C code'),
  'numpy.testing._private.utils.runstring': exec('executes a code string'),
  'numpy.load': exec('loads another (possibly pickled) file'),
  'numpy.lib.npyio.load': exec('loads another (possibly pickled) file'),
  // Nested deserialisation
  pickle: exec('unpickles another payload (pickle.loads)'),
  _pickle: exec('unpickles another payload'),
  cPickle: exec('unpickles another payload'),
  pickletools: exec('pickle internals'),
  shelve: exec('opens a pickle database'),
  dill: exec('dill restores code objects'),
  cloudpickle: exec('cloudpickle restores functions and code objects'),
  'joblib.load': exec('loads another pickle file'),
  'joblib.numpy_pickle.load': exec('loads another pickle file'),
  'torch.load': exec('loads another checkpoint (nested torch.load, CVE-2025-32434)'),
  'torch.serialization.load': exec('loads another checkpoint (nested torch.load)'),
  'torch.serialization._load': exec('loads another checkpoint'),
  'torch._weights_only_unpickler': exec('unpickler internals'),
  'torch.jit': exec('loads and runs TorchScript code'),
  'torch._inductor': exec('compiles and loads generated code (torch._inductor.codecache)'),
  'torch._dynamo': exec('compiles and runs code'),
  'torch.utils.cpp_extension': exec('compiles and loads native extensions'),
  'torch.hub': exec('downloads and runs hubconf.py'),
  'torch.package': exec('imports code packaged in the archive'),
  'torch.ops': exec('calls registered operators by name'),
  'torch._C._jit_pass_inline': exec('TorchScript internals'),
  'torch.fx.experimental.symbolic_shapes.ShapeEnv.evaluate_guards_expression': exec('evaluates a code string'),
  'torch.distributed': sys('opens network connections and runs RPCs'),
  'keras.models.load_model': exec('loads another model'),
  'tensorflow.keras.models.load_model': exec('loads another model'),
  // Gadgets that turn a harmless call into attribute walks or calls
  'operator.attrgetter': exec('walks attributes, a gadget to reach os/builtins'),
  'operator.methodcaller': exec('calls methods by name'),
  'operator.getitem': exec('indexes into namespaces (with getattr gadgets)'),
  '_operator.attrgetter': exec('walks attributes'),
  '_operator.methodcaller': exec('calls methods by name'),
  'functools.reduce': exec('calls a callable repeatedly'),
  'functools.partial.__call__': exec('calls a wrapped callable'),
  'copyreg._reconstructor.__globals__': exec('dunder walk'),
  'asyncio.subprocess': exec('spawns processes'),
  'asyncio.create_subprocess_exec': exec('spawns processes'),
  'asyncio.create_subprocess_shell': exec('spawns processes'),
  'asyncio.unix_events': exec('spawns processes'),
  threading: exec('runs callables on threads'),
  _thread: exec('runs callables on threads'),
  'logging.config': exec('logging.config.listen evaluates received configuration'),
  'uuid._get_command_stdout': exec('runs a command'),
  'platform.popen': exec('runs a command'),
  popen2: exec('runs a command (Python 2)'),
  webbrowser: exec('starts a browser process'),
  commands: exec('runs shell commands (Python 2 name)'),
  idlelib: exec('IDLE shell internals that execute code'),
  _sitebuiltins: exec('help()/license() objects that start pydoc'),
  gc: exec('reaches every live object (gc.get_objects), a gadget to find modules'),
  inspect: exec('reaches frames, globals and modules'),
  _ctypes: exec('calls native code'),
  'torch.fx.graph_module': exec('rebuilds a GraphModule by executing Python source stored in the pickle'),
  'torch._export': exec('deserialises and runs exported programs'),
  'pandas.read_pickle': exec('unpickles another file'),
  'pandas.io.pickle': exec('unpickles another file'),
  'yaml.load': exec('YAML with Python tags constructs arbitrary objects'),
  'yaml.unsafe_load': exec('YAML with Python tags constructs arbitrary objects'),
  'yaml.full_load': exec('YAML loader that constructs Python objects'),
  'numpy.lib.format.read_array': exec('reads an array that may be a pickle'),
  'transformers.dynamic_module_utils': exec('imports remote model code (trust_remote_code)'),
  'keras.utils.get_file': sys('downloads files'),
  'tensorflow.keras.utils.get_file': sys('downloads files'),
  'tensorflow.io': sys('reads and writes files (tf.io.gfile)'),
  huggingface_hub: sys('downloads files from the Hub'),
  'pandas.read_csv': sys('reads files or URLs'),
  'pandas.io': sys('reads files or URLs'),
  // Network
  socket: sys('opens network connections'),
  _socket: sys('opens network connections'),
  ssl: sys('opens network connections'),
  asyncio: sys('event loop with network and process access'),
  http: sys('HTTP client and server'),
  'urllib.request': sys('fetches URLs'),
  urllib3: sys('fetches URLs'),
  requests: sys('fetches URLs'),
  httpx: sys('fetches URLs'),
  aiohttp: sys('fetches URLs'),
  ftplib: sys('FTP client'),
  smtplib: sys('sends e-mail'),
  telnetlib: sys('telnet client'),
  poplib: sys('mail client'),
  imaplib: sys('mail client'),
  nntplib: sys('news client'),
  xmlrpc: sys('remote procedure calls'),
  socketserver: sys('network server'),
  'torch.hub.load_state_dict_from_url': sys('downloads files'),
  // Files
  shutil: sys('copies, moves and deletes files'),
  tempfile: sys('creates files'),
  io: sys('opens files (io.open, io.FileIO)'),
  _io: sys('opens files'),
  glob: sys('lists the file system'),
  fileinput: sys('reads files'),
  linecache: sys('reads files'),
  tarfile: sys('extracts archives'),
  zipfile: sys('extracts archives'),
  sqlite3: sys('opens databases on disk'),
  dbm: sys('opens databases on disk'),
  mmap: sys('maps files into memory'),
  winreg: sys('Windows registry'),
  'numpy.fromfile': sys('reads files'),
  'numpy.memmap': sys('maps files'),
  'numpy.save': sys('writes files'),
  'numpy.savetxt': sys('writes files'),
  'numpy.loadtxt': sys('reads files'),
  'numpy.genfromtxt': sys('reads files'),
  'torch.save': sys('writes files'),
  'torch.serialization.save': sys('writes files'),
  'torch.from_file': sys('reads files'),
  'torch.storage._load_from_bytes': exec('runs torch.load on embedded bytes'),
};

function pathMethods(): Record<string, DenyEntry> {
  const out: Record<string, DenyEntry> = {};
  const methods = ['open', 'read_text', 'read_bytes', 'write_text', 'write_bytes', 'touch', 'unlink', 'rmdir', 'mkdir', 'rename', 'replace', 'symlink_to', 'hardlink_to', 'chmod', 'iterdir', 'glob', 'rglob', 'expanduser', 'home'];
  for (const cls of ['Path', 'PosixPath', 'WindowsPath']) {
    for (const m of methods) out[`pathlib.${cls}.${m}`] = sys('reads, writes or lists files');
  }
  return out;
}

/**
 * Narrow exceptions inside denied modules, checked before the denylist: TorchScript's own pickles
 * (constants.pkl, data.pkl, *.debug_pkl) call these list/tensor builders, and `__torch__.*` names are
 * TorchScript class types resolved by the TorchScript type system, never imported by Python.
 */
export const ALLOW_OVER_DENY: string[] = [
  'torch.jit._pickle.build_intlist', 'torch.jit._pickle.build_tensorlist', 'torch.jit._pickle.build_doublelist',
  'torch.jit._pickle.build_boollist', 'torch.jit._pickle.build_tensor_from_id', 'torch.jit._pickle.restore_type_tag',
  '__torch__.',
];

/**
 * Packages whose Cython-generated `__pyx_unpickle_<Class>` helpers are allowed: they only rebuild a
 * cdef class instance from its state (scikit-learn losses, trees and distance metrics use them).
 */
export const PYX_UNPICKLE_PACKAGES: string[] = ['sklearn.', 'scipy.', 'numpy.'];

/**
 * Allowed ML globals. A trailing `.*` allows everything below a module; `.^` allows only names that
 * start with an upper-case letter, optionally after one underscore (classes), which keeps helper functions of those modules unknown.
 */
export const ALLOWLIST: string[] = [
  // Python containers and scalars
  'builtins.set', 'builtins.frozenset', 'builtins.dict', 'builtins.list', 'builtins.tuple', 'builtins.bytearray',
  'builtins.bytes', 'builtins.complex', 'builtins.slice', 'builtins.range', 'builtins.int', 'builtins.float',
  'builtins.str', 'builtins.bool', 'builtins.object', 'builtins.NoneType', 'builtins.xrange' /* Python 2 range */,
  'collections.OrderedDict', 'collections.defaultdict', 'collections.Counter', 'collections.deque',
  'copyreg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__', '_codecs.encode',
  'datetime.datetime', 'datetime.date', 'datetime.timedelta', 'datetime.timezone', 'decimal.Decimal', 'fractions.Fraction',
  'uuid.UUID', 'enum.Enum', 'argparse.Namespace', 'types.SimpleNamespace', 'pathlib.Path', 'pathlib.PosixPath',
  'pathlib.WindowsPath', 'pathlib.PurePath', 'pathlib.PurePosixPath', 'pathlib.PureWindowsPath', 'typing.^', 'omegaconf.^',
  'torch.torch_version.TorchVersion',
  // PyTorch tensors, storages and modules (what torch.save writes)
  'torch._utils._rebuild_tensor', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state', 'torch._utils._rebuild_sparse_tensor',
  'torch._utils._rebuild_nested_tensor', 'torch._utils._rebuild_qtensor', 'torch._utils._rebuild_device_tensor_from_numpy',
  'torch._utils._rebuild_meta_tensor_no_storage', 'torch._utils._rebuild_wrapper_subclass', 'torch._utils._rebuild_xla_tensor',
  'torch._tensor._rebuild_from_type', 'torch._tensor._rebuild_from_type_v2',
  'torch.storage.UntypedStorage', 'torch.storage.TypedStorage', 'torch.storage._TypedStorage',
  'torch.FloatStorage', 'torch.DoubleStorage', 'torch.HalfStorage', 'torch.BFloat16Storage', 'torch.LongStorage',
  'torch.IntStorage', 'torch.ShortStorage', 'torch.CharStorage', 'torch.ByteStorage', 'torch.BoolStorage',
  'torch.ComplexFloatStorage', 'torch.ComplexDoubleStorage', 'torch.QInt8Storage', 'torch.QUInt8Storage', 'torch.QInt32Storage',
  'torch.UntypedStorage', 'torch.Tensor', 'torch.Size', 'torch.device', 'torch.dtype', 'torch.layout', 'torch.memory_format',
  'torch.float32', 'torch.float64', 'torch.float16', 'torch.bfloat16', 'torch.int64', 'torch.int32', 'torch.int16', 'torch.int8',
  'torch.uint8', 'torch.bool', 'torch.complex64', 'torch.complex128', 'torch.strided', 'torch.sparse_coo', 'torch.contiguous_format',
  'torch.per_tensor_affine', 'torch.serialization._get_layout', 'torch.nn.parameter.Parameter', 'torch.nn.parameter.Buffer',
  'torch.nn.parameter.UninitializedParameter', 'torch.nn.parameter.UninitializedBuffer',
  'torch.nn.modules.^', 'torch.nn.utils.parametrize.^', 'torch.nn.utils.weight_norm.WeightNorm', 'torch.nn.utils.spectral_norm.^',
  'torch.ao.nn.^', 'torch.nn.quantized.^', 'torch.optim.^', 'torch.optim.lr_scheduler.^',
  'torch.nn.functional.relu', 'torch.nn.functional.gelu', 'torch.nn.functional.silu', 'torch.nn.functional.softmax',
  'torch.nn.functional.tanh', 'torch.nn.functional.sigmoid', 'torch._C._nn.gelu', 'torch.autograd.grad_mode.^',
  // NumPy arrays and scalars
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct', 'numpy.core.multiarray.scalar',
  'numpy._core.multiarray.scalar', 'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer', 'numpy.ndarray',
  'numpy.dtype', 'numpy.ma.core._mareconstruct', 'numpy.ma.core.MaskedArray', 'numpy.dtypes.^', 'numpy.random._pickle.__randomstate_ctor',
  'numpy.random._pickle.__bit_generator_ctor', 'numpy.random._pickle.__generator_ctor', 'numpy.random.mtrand.RandomState',
  'numpy.random._mt19937.MT19937', 'numpy.random._pcg64.PCG64', 'numpy.random._generator.Generator', 'numpy.float64',
  'numpy.float32', 'numpy.int64', 'numpy.int32', 'numpy.bool_', 'numpy.matrixlib.defmatrix.matrix',
  // joblib wrappers around arrays
  'joblib.numpy_pickle.NumpyArrayWrapper', 'joblib.numpy_pickle_compat.NDArrayWrapper', 'joblib.numpy_pickle_compat.ZNDArrayWrapper',
  // joblib < 0.10 kept the array wrappers in numpy_pickle itself
  'joblib.numpy_pickle.NDArrayWrapper', 'joblib.numpy_pickle.ZNDArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
  // scikit-learn estimators (classes only) and the helpers their pickles use
  'sklearn.pipeline.^', 'sklearn.preprocessing.^', 'sklearn.linear_model.^', 'sklearn.ensemble.^', 'sklearn.tree.^',
  'sklearn.svm.^', 'sklearn.neighbors.^', 'sklearn.decomposition.^', 'sklearn.cluster.^', 'sklearn.compose.^',
  'sklearn.feature_extraction.^', 'sklearn.feature_selection.^', 'sklearn.impute.^', 'sklearn.naive_bayes.^',
  'sklearn.neural_network.^', 'sklearn.kernel_approximation.^', 'sklearn.calibration.^', 'sklearn.dummy.^',
  'sklearn.multiclass.^', 'sklearn.multioutput.^', 'sklearn.discriminant_analysis.^', 'sklearn.gaussian_process.^',
  'sklearn.mixture.^', 'sklearn.manifold.^', 'sklearn.cross_decomposition.^', 'sklearn.isotonic.^',
  'sklearn.semi_supervised.^', 'sklearn.random_projection.^', 'sklearn.kernel_ridge.^', 'sklearn.covariance.^',
  'sklearn.model_selection.^', 'sklearn._loss.^', 'sklearn.metrics._dist_metrics.^', 'sklearn.utils._bunch.Bunch',
  'sklearn.neighbors._kd_tree.newObj', 'sklearn.neighbors._ball_tree.newObj', 'sklearn.metrics._dist_metrics.newObj', 'sklearn.tree._tree.Tree',
  'sklearn.ensemble._gb_losses.^', 'sklearn.ensemble._hist_gradient_boosting.^',
  'scipy.sparse._csr.csr_matrix', 'scipy.sparse._csc.csc_matrix', 'scipy.sparse._coo.coo_matrix', 'scipy.sparse.csr.csr_matrix',
  'scipy.sparse.csc.csc_matrix',
  // Gradient boosting libraries' model classes
  'xgboost.core.Booster', 'xgboost.sklearn.^', 'lightgbm.basic.Booster', 'lightgbm.sklearn.^',
];
