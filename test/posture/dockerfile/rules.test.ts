/** RuleTester tables of the Dockerfile rules (final stage, ARG/ENV resolved). */
import { dockerfileKind } from '../../../src/documents/dockerfile/index.js';
import { jupyterEmptyToken } from '../../../src/posture/dockerfile/jupyter-empty-token.js';
import { ldPreloadGpuImage } from '../../../src/posture/dockerfile/ld-preload-gpu-image.js';
import { modelServerImageUnpinned } from '../../../src/posture/dockerfile/model-server-image-unpinned.js';
import { trustRemoteCode } from '../../../src/posture/dockerfile/trust-remote-code.js';
import { ruleTester } from '../../support/rule-tester.js';

// As the analyzers do (the kind's `ready`): the cases run on the ES-module load of dockerfile-ast.
await dockerfileKind.ready?.();

ruleTester(dockerfileKind, ldPreloadGpuImage, {
  filename: 'Dockerfile',
  valid: [
    'FROM python:3.12-slim\nENV LD_PRELOAD=/usr/lib/libjemalloc.so',
    'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nENV PATH=/opt/bin:$PATH',
    { name: 'LD_PRELOAD only in a build stage', files: { Dockerfile: 'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS build\nENV LD_PRELOAD=/x.so\nFROM python:3.12-slim\nCOPY --from=build /a /a' } },
  ],
  invalid: [
    { code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nENV LD_PRELOAD=/proc/self/cwd/poc.so\nADD poc.so /', errors: [{ line: 2, severity: 'critical' }] },
    { name: 'base resolved from ARG default', code: 'ARG CUDA=12.4.1\nFROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04\nENV LD_PRELOAD /opt/hook.so', errors: [{ line: 3, message: 'base nvidia/cuda:12.4.1-runtime-ubuntu22.04' }] },
    { name: 'inherited stage, NGC base', code: 'FROM nvcr.io/nvidia/pytorch:24.05-py3 AS base\nENV LD_PRELOAD=/x.so\nFROM base\nCMD ["python"]', errors: [{ line: 2 }] },
  ],
});

ruleTester(dockerfileKind, jupyterEmptyToken, {
  filename: 'Dockerfile',
  valid: ['FROM quay.io/jupyter/base-notebook:2024-10-07\nCMD ["start-notebook.py"]'],
  invalid: [{ code: 'FROM quay.io/jupyter/base-notebook:2024-10-07\nCMD ["start-notebook.py", "--IdentityProvider.token=\'\'"]', errors: [{ line: 2, severity: 'high' }] }],
});

ruleTester(dockerfileKind, trustRemoteCode, {
  filename: 'Dockerfile',
  valid: ['FROM vllm/vllm-openai:v0.6.3\nCMD ["--model", "org/m"]'],
  invalid: [{ code: 'FROM vllm/vllm-openai:v0.6.3\nENTRYPOINT ["vllm", "serve", "org/m", "--trust-remote-code"]', errors: [{ line: 2 }] }],
});

ruleTester(dockerfileKind, modelServerImageUnpinned, {
  filename: 'Dockerfile',
  valid: ['FROM vllm/vllm-openai:v0.6.3', 'FROM python:latest', 'ARG V=v0.6.3\nFROM vllm/vllm-openai:${V}'],
  invalid: [
    { code: 'FROM vllm/vllm-openai:latest\nCMD ["--model", "org/m"]', errors: [{ line: 1 }] },
    { name: 'ARG default latest', code: 'ARG TAG=latest\nFROM ollama/ollama:${TAG}', errors: [{ line: 2, message: 'ollama/ollama:latest' }] },
  ],
});
