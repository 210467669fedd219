/** The CloudFormation document kind: one template per project view (logical ids are template-scoped). */
import type { DocumentKind } from '../../posture/rule.js';
import { parseCloudFormation, type CfnTemplate } from './parse.js';

export const cloudFormationKind: DocumentKind<CfnTemplate, CfnTemplate> = {
  name: 'cloudformation',
  match: (f) => ['.yaml', '.yml', '.json', '.template'].includes(f.ext) && !/(?:^|\/)(?:node_modules|\.terraform)\//.test(f.path),
  // Not noted when larger: any large JSON or YAML data file would get a note.
  maxBytes: 4 * 1024 * 1024,
  parse: ({ path, text }) => parseCloudFormation(path, text),
  project: (documents) => documents.map((d) => d.document),
};

export { cfnAssetId } from './asset-id.js';
