/** `dockerfile/ld-preload-gpu-image`: ENV LD_PRELOAD in an image built to run on GPUs (NVIDIAScape). */
import type { DockerfileProject, Stage } from '../../documents/dockerfile/index.js';
import { ldPreloadGpu } from '../ai-servers/checks.js';
import type { PostureHit, PostureRule } from '../rule.js';

/** Base images that run on NVIDIA GPUs: CUDA, NGC, framework GPU builds. */
const GPU_BASE = /(?:^|\/)nvidia\/cuda(?:gl)?(?::|$)|^nvcr\.io\/nvidia\/|(?:^|\/)pytorch\/pytorch:.*cuda|(?:^|\/)tensorflow\/tensorflow:.*gpu|-gpu(?:-|$)|(?:^|\/)(?:vllm\/vllm-openai|lmsysorg\/sglang|rayproject\/ray(?:-ml)?:.*gpu)/;

function gpuStage(stages: Stage[], s: Stage): boolean {
  for (let cur: Stage | undefined = s; cur; cur = cur.parent !== undefined ? stages[cur.parent] : undefined) {
    if (cur.from && GPU_BASE.test(cur.from.image)) return true;
    if (cur.env.some((e) => /^NVIDIA_(?:VISIBLE_DEVICES|DRIVER_CAPABILITIES)$/.test(e.name) && e.value !== 'void')) return true;
  }
  return false;
}

export const ldPreloadGpuImage: PostureRule<DockerfileProject> = {
  meta: { ...ldPreloadGpu.meta, id: 'dockerfile/ld-preload-gpu-image', title: 'ENV LD_PRELOAD in an image that runs on GPUs (NVIDIAScape, CVE-2025-23266)' },
  check(p): PostureHit[] {
    const out: PostureHit[] = [];
    const { stages } = p.doc;
    const last = stages[stages.length - 1];
    if (!last || !gpuStage(stages, last)) return out;
    const e = last.env.find((x) => x.name === 'LD_PRELOAD' && (x.value ?? '').trim() !== '');
    if (!e) return out;
    out.push({
      path: p.doc.path, line: e.line, message: `${p.doc.path}: the image (base ${last.from?.image ?? '?'}) sets ENV LD_PRELOAD=${e.value ?? ''}; on a GPU node the NVIDIA toolkit hook loads it as root on the host (CVE-2025-23266).`,
      evidence: `ENV LD_PRELOAD=${e.value ?? ''}`, assetId: `dockerfile:${p.doc.path}`, key: 'env/LD_PRELOAD',
    });
    return out;
  },
};
