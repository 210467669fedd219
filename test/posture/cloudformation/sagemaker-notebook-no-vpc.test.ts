/** cfn/sagemaker-notebook-no-vpc: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnSagemakerNotebookNoVpc } from '../../../src/posture/cloudformation/sagemaker-notebook-no-vpc.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnSagemakerNotebookNoVpc, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      SubnetId: !Ref PrivateSubnet\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "sets no SubnetId" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      Name: x\n      SubnetId: \"\"\n", errors: [{ line: 7 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::SageMaker::NotebookInstance\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "sets no SubnetId" }] },
  ],
});
