import type { Asset, Report } from '../core/model.js';

export interface FormatContext {
  /** Colour output (tables on a TTY only). */
  color: boolean;
  /**
   * Short AI-inventory summary printed by the table format above the summary line (e.g.
   * "Inventory: 3 models, 12 AI packages"). Discovery provides `inventorySummary(assets)`; the CLI
   * passes it here (src/cli/output.ts). Formatters must work without it.
   */
  inventorySummary?: (assets: Asset[]) => string[];
}

/** A formatter renders one Report; none of them knows about analyzers. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
