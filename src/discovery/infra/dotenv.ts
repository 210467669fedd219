/**
 * `.env` files (`.env`, `.env.example`, `.env.production` …): variables that hold LLM provider
 * credentials or endpoints (`OPENAI_API_KEY`, `AZURE_OPENAI_ENDPOINT`, `OLLAMA_HOST`) and model ids
 * (`MODEL_ID=org/name`) show which AI services an application uses. Only names are kept, never values
 * (the secrets analyzer reports leaked values). The format is KEY=value lines; no parser library is
 * needed to read names.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import { at } from '../assets.js';
import { addEnv, emptyFound } from './signals.js';

export const dotenvAnalyzer: Analyzer = {
  name: 'bom-dotenv',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return (f.name === '.env' || f.name.startsWith('.env.')) && f.size < 512 * 1024;
  },
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined) return {};
    const found = emptyFound();
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(lines[i]);
      if (!m) continue;
      const value = m[2].replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2').trim();
      addEnv(found, m[1], value || undefined, at(file.path, i + 1));
    }
    return { assets: found.assets };
  },
};
