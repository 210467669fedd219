export { cloudFormationKind, cfnAssetId } from './kind.js';
export { parseCloudFormation, type CfnResource, type CfnTemplate } from './parse.js';
