/** cfn/sagemaker-notebook-direct-internet: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnSagemakerNotebookDirectInternet } from '../../../src/posture/cloudformation/sagemaker-notebook-direct-internet.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnSagemakerNotebookDirectInternet, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      DirectInternetAccess: Disabled\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "AWS's default is Enabled" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      DirectInternetAccess: Enabled\n", errors: [{ line: 7 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::SageMaker::NotebookInstance\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "AWS's default is Enabled" }] },
  ],
});
