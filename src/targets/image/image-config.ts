/**
 * The image config as a virtual file, so that file analyzers see what `docker inspect` shows:
 * `ENV` values persisted in the image (a classic key leak), the command, labels, and the build
 * history (`created_by` keeps `ENV`/`ARG` instructions and `RUN |1 KEY=value` build args).
 * Pretty-printed so that findings get useful line numbers.
 */
import { isObject } from './manifest.js';

export const IMAGE_CONFIG_PATH = '.aigis/image-config.json';

const CONFIG_FIELDS = ['User', 'Env', 'Entrypoint', 'Cmd', 'WorkingDir', 'ExposedPorts', 'Volumes', 'Labels', 'Healthcheck', 'Shell', 'StopSignal', 'OnBuild'];

export function imageConfigDocument(config: Record<string, unknown>, tags: string[]): string {
  // Legacy `<id>/json` files keep the runtime config under `config` too; `container_config` is
  // the build container's and repeats it, so `config` wins.
  const raw = isObject(config.config) ? config.config : isObject(config.container_config) ? config.container_config : {};
  const picked: Record<string, unknown> = {};
  for (const k of CONFIG_FIELDS) if (raw[k] !== undefined && raw[k] !== null) picked[k] = raw[k];
  const history = Array.isArray(config.history)
    ? config.history.filter(isObject).map((h) => ({
        ...(typeof h.created === 'string' ? { created: h.created } : {}),
        ...(typeof h.created_by === 'string' ? { created_by: h.created_by } : {}),
        ...(typeof h.comment === 'string' ? { comment: h.comment } : {}),
        ...(h.empty_layer === true ? { empty_layer: true } : {}),
      }))
    : [];
  const doc = {
    tags,
    architecture: config.architecture,
    os: config.os,
    created: config.created,
    author: config.author,
    config: picked,
    history,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
