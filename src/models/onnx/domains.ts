/**
 * Operator-set domains implemented by the ONNX standard and the mainstream runtimes. A node in any
 * other domain needs a custom-op library registered by the loader (native code the model cannot
 * carry), so it is unknown to a reviewer of the file.
 */
export const KNOWN_ONNX_DOMAINS = new Set([
  '', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.training', 'ai.onnx.preview.training', 'ai.onnx.preview',
  'com.microsoft', 'com.microsoft.nchwc', 'com.microsoft.experimental', 'com.microsoft.mlfeaturizers', 'com.microsoft.dml',
  'com.ms.internal.nhwc', 'org.pytorch.aten', 'com.intel.ai', 'ai.onnx.contrib', 'pkg.onnxscript.torch_lib', 'pkg.onnxscript.torch_lib.common', 'pkg.torch.onnx',
]);
