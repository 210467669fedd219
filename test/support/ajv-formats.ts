import formatsModule from 'ajv-formats';
import type { Ajv } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/** ajv-formats is CommonJS with `exports.default`; under NodeNext the callable is on `.default`. */
const plugin = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv | Ajv2020) => void;

export function addFormats(ajv: Ajv | Ajv2020): void {
  plugin(ajv);
}
