/** tf/comprehend-no-vpc: a classifier or recognizer without vpc_config (or with no subnets) fires; private subnets (or unknown ones) stay quiet. */
import { comprehendNoVpc } from '../../../src/posture/terraform/comprehend-no-vpc.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, comprehendNoVpc, {
  filename: 'main.tf',
  valid: [
    'resource "aws_comprehend_document_classifier" "c" {\n  name = "c"\n  vpc_config {\n    subnets            = [aws_subnet.a.id]\n    security_group_ids = [aws_security_group.s.id]\n  }\n}\n',
    'resource "aws_comprehend_entity_recognizer" "r" {\n  name = "r"\n  vpc_config {\n    subnets            = var.private_subnets\n    security_group_ids = [aws_security_group.s.id]\n  }\n}\n',
  ],
  invalid: [
    { name: 'no vpc_config', code: 'resource "aws_comprehend_document_classifier" "c" {\n  name = "c"\n}\n', errors: [{ line: 1, message: 'sets no vpc_config' }] },
    { name: 'empty subnets', code: 'resource "aws_comprehend_entity_recognizer" "r" {\n  name = "r"\n  vpc_config {\n    subnets            = []\n    security_group_ids = []\n  }\n}\n', errors: [{ line: 3, message: 'without subnets' }] },
  ],
});
