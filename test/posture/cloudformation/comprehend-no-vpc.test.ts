/** cfn/comprehend-no-vpc: a classifier or flywheel without VpcConfig (or without Subnets) fires; subnets given, or intrinsic, stay quiet. */
import { cfnComprehendNoVpc } from '../../../src/posture/cloudformation/comprehend-no-vpc.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

ruleTester(cloudFormationKind, cfnComprehendNoVpc, {
  filename: 'template.yaml',
  valid: [
    `${H}  C:\n    Type: AWS::Comprehend::DocumentClassifier\n    Properties:\n      VpcConfig:\n        Subnets: [!Ref A, !Ref B]\n        SecurityGroupIds: [!Ref S]\n`,
    `${H}  F:\n    Type: AWS::Comprehend::Flywheel\n    Properties:\n      DataSecurityConfig:\n        VpcConfig: !Ref VpcConfigParam\n`,
  ],
  invalid: [
    { name: 'classifier without VpcConfig', code: `${H}  C:\n    Type: AWS::Comprehend::DocumentClassifier\n    Properties:\n      LanguageCode: en\n`, errors: [{ line: 3, message: 'sets no VpcConfig' }] },
    { name: 'flywheel VpcConfig without subnets', code: `${H}  F:\n    Type: AWS::Comprehend::Flywheel\n    Properties:\n      DataSecurityConfig:\n        VpcConfig:\n          SecurityGroupIds: [!Ref S]\n          Subnets: []\n`, errors: [{ line: 7, message: 'without Subnets' }] },
  ],
});
