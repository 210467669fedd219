/**
 * The asset id of a template resource, in a module of its own so that code which only names
 * resources (attack-path edges) does not load the YAML parser with the CloudFormation parser.
 */
import type { CfnTemplate } from './parse.js';

/** BOM-style asset id of a template resource: `cfn:<path>#<LogicalId>`. */
export function cfnAssetId(template: CfnTemplate, logicalId: string): string {
  return `cfn:${template.path}#${logicalId}`;
}
