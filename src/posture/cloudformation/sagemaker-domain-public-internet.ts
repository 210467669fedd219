/** CloudFormation twin of tf/sagemaker-domain-public-internet: the same check over AWS::SageMaker::Domain. */
import { sagemakerDomainPublicInternet } from '../terraform/sagemaker-domain-public-internet.js';
import { propertyRule } from './common.js';

const FIX = "Properties:\n  AppNetworkAccessType: VpcOnly\n  SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]";
const tf = sagemakerDomainPublicInternet.meta;

export const cfnSagemakerDomainPublicInternet = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-domain-public-internet',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-domain.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::Domain"],
  path: ["AppNetworkAccessType"],
  bad: (v) => v === undefined || v === 'PublicInternetOnly',
  missing: (r) => `${r.type} ${r.logicalId} sets no AppNetworkAccessType: the default is PublicInternetOnly`,
  set: (r, v) => `${r.type} ${r.logicalId} has AppNetworkAccessType ${JSON.stringify(v)}`,
  fix: FIX,
});
