/**
 * The Terraform document kind: `.tf` and `.tfvars` files (outside `.terraform/` caches), parsed once
 * per scan with the tree-sitter grammar; the project view is one module (one directory).
 */
import type { DocumentKind } from '../../posture/rule.js';
import { TfModule } from './module.js';
import { loadTerraformGrammar, parseTerraform } from './parse.js';
import type { TfDocument } from './types.js';

/** Larger files are not Terraform anyone writes by hand; they get a note and are not read. */
export const MAX_TF_BYTES = 4 * 1024 * 1024;

export const terraformKind: DocumentKind<TfDocument, TfModule> = {
  name: 'terraform',
  match: (f) => (f.ext === '.tf' || f.ext === '.tfvars') && !/(?:^|\/)\.terraform\//.test(f.path),
  maxBytes: MAX_TF_BYTES,
  noteTooLarge: true,
  ready: loadTerraformGrammar,
  parse: ({ path, text }) => parseTerraform(path, text),
  project(documents) {
    const byDir = new Map<string, TfDocument[]>();
    for (const { path, document } of documents) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      byDir.set(dir, [...(byDir.get(dir) ?? []), document]);
    }
    return [...byDir.entries()].map(([dir, files]) => new TfModule(dir, files));
  },
};
