import type { Report } from '../core/model.js';

export interface FormatContext {
  /** Colour output (tables on a TTY only). */
  color: boolean;
}

/** A formatter renders one Report; none of them knows about analyzers. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
