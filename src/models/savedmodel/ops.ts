/**
 * TensorFlow ops that reach outside the graph when a SavedModel is loaded or served. Standard
 * checkpoint ops (SaveV2, RestoreV2, MergeV2Checkpoints) appear in every SavedModel and are not listed.
 */
export const PYTHON_OPS: Record<string, string> = {
  PyFunc: 'calls a Python function registered in the loading process (tf.py_function / tf.numpy_function)',
  PyFuncStateless: 'calls a Python function registered in the loading process',
  EagerPyFunc: 'calls a Python function eagerly (tf.py_function)',
};

export const FILE_OPS: Record<string, string> = {
  ReadFile: 'reads a file named at run time (tf.io.read_file)',
  WriteFile: 'writes a file (tf.io.write_file)',
  MatchingFiles: 'lists files matching a glob (tf.io.matching_files)',
  ImmutableConst: 'memory-maps a file named in the graph',
  TextLineDataset: 'reads lines of files',
  TextLineDatasetV2: 'reads lines of files',
  TFRecordDataset: 'reads TFRecord files',
  TFRecordDatasetV2: 'reads TFRecord files',
  FixedLengthRecordDataset: 'reads fixed-length records from files',
  FixedLengthRecordDatasetV2: 'reads fixed-length records from files',
  CSVDataset: 'reads CSV files',
  CSVDatasetV2: 'reads CSV files',
  ExperimentalCSVDataset: 'reads CSV files',
  LoadAndRemapMatrix: 'reads a checkpoint file named at run time',
  Save: 'writes tensors to a file named at run time (legacy Save op)',
  SaveSlices: 'writes tensor slices to a file named at run time',
  DebugIdentityV2: 'writes debug events to a directory',
  SummaryWriter: 'writes event files',
  CreateSummaryFileWriter: 'writes event files to a log directory',
  WriteAudioSummary: 'writes summaries',
  PrintV2: 'can write to a file given as output_stream',
};
