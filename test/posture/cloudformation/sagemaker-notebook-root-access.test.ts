/** cfn/sagemaker-notebook-root-access: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnSagemakerNotebookRootAccess } from '../../../src/posture/cloudformation/sagemaker-notebook-root-access.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnSagemakerNotebookRootAccess, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      RootAccess: Disabled\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "default is Enabled" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      RootAccess: Enabled\n", errors: [{ line: 7 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::SageMaker::NotebookInstance\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "default is Enabled" }] },
  ],
});
