/** cfn/sagemaker-notebook-imdsv1: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnSagemakerNotebookImdsv1 } from '../../../src/posture/cloudformation/sagemaker-notebook-imdsv1.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnSagemakerNotebookImdsv1, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      InstanceMetadataServiceConfiguration:\n        MinimumInstanceMetadataServiceVersion: \"2\"\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "the default is 1" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      InstanceMetadataServiceConfiguration:\n        MinimumInstanceMetadataServiceVersion: \"1\"\n", errors: [{ line: 8 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::SageMaker::NotebookInstance\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "the default is 1" }] },
  ],
});
