/** cfn/comprehend-no-kms: document classifiers and flywheels without customer keys fire per missing key; keys given (or intrinsic) stay quiet. */
import { cfnComprehendNoKms } from '../../../src/posture/cloudformation/comprehend-no-kms.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

ruleTester(cloudFormationKind, cfnComprehendNoKms, {
  filename: 'template.yaml',
  valid: [
    `${H}  C:\n    Type: AWS::Comprehend::DocumentClassifier\n    Properties:\n      ModelKmsKeyId: !Ref Key\n      VolumeKmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abc\n`,
    `${H}  F:\n    Type: AWS::Comprehend::Flywheel\n    Properties:\n      DataSecurityConfig:\n        ModelKmsKeyId: !Ref Key\n        VolumeKmsKeyId: !Ref Key\n        DataLakeKmsKeyId: !Ref Key\n`,
  ],
  invalid: [
    { name: 'classifier without keys', code: `${H}  C:\n    Type: AWS::Comprehend::DocumentClassifier\n    Properties:\n      LanguageCode: en\n`, errors: [{ line: 3, message: 'sets no ModelKmsKeyId' }, { line: 3, message: 'sets no VolumeKmsKeyId' }] },
    { name: 'flywheel with an empty volume key', code: `${H}  F:\n    Type: AWS::Comprehend::Flywheel\n    Properties:\n      DataSecurityConfig:\n        ModelKmsKeyId: !Ref Key\n        VolumeKmsKeyId: ""\n        DataLakeKmsKeyId: !Ref Key\n`, errors: [{ line: 8, message: 'training volume' }] },
  ],
});
