/** The CloudFormation document kind: one template per project view (logical ids are template-scoped). */
import type { DocumentKind } from '../../posture/rule.js';
import { parseCloudFormation, type CfnTemplate } from './parse.js';

export const cloudFormationKind: DocumentKind<CfnTemplate, CfnTemplate> = {
  name: 'cloudformation',
  match: (f) => ['.yaml', '.yml', '.json', '.template'].includes(f.ext) && f.size <= 4 * 1024 * 1024 && !/(?:^|\/)(?:node_modules|\.terraform)\//.test(f.path),
  parse: ({ path, text }) => parseCloudFormation(path, text),
  project: (documents) => documents.map((d) => d.document),
};

export { cfnAssetId } from './asset-id.js';
