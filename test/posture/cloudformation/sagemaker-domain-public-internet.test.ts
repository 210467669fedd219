/** cfn/sagemaker-domain-public-internet: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnSagemakerDomainPublicInternet } from '../../../src/posture/cloudformation/sagemaker-domain-public-internet.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnSagemakerDomainPublicInternet, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      Name: x\n      AppNetworkAccessType: VpcOnly\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "default is PublicInternetOnly" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      Name: x\n      AppNetworkAccessType: PublicInternetOnly\n", errors: [{ line: 7 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::SageMaker::Domain\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "default is PublicInternetOnly" }] },
  ],
});
