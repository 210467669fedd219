/**
 * CloudFormation twin of tf/comprehend-no-kms: `AWS::Comprehend::DocumentClassifier` (`ModelKmsKeyId`,
 * `VolumeKmsKeyId`) and `AWS::Comprehend::Flywheel` (`DataSecurityConfig.ModelKmsKeyId`,
 * `VolumeKmsKeyId`, `DataLakeKmsKeyId`) without customer-managed keys.
 */
import { comprehendNoKms } from '../terraform/comprehend-no-kms.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, empty, intrinsic, propertyAt, twinMeta, type CfnRule } from './common.js';

const FIX = 'Type: AWS::Comprehend::DocumentClassifier\nProperties:\n  ModelKmsKeyId: !Ref MlKey\n  VolumeKmsKeyId: !Ref MlKey';
const WHAT: Record<string, string> = { ModelKmsKeyId: 'trained model', VolumeKmsKeyId: 'training volume', DataLakeKmsKeyId: 'flywheel data lake' };
const KEYS: Record<string, string[][]> = {
  'AWS::Comprehend::DocumentClassifier': [['ModelKmsKeyId'], ['VolumeKmsKeyId']],
  'AWS::Comprehend::Flywheel': [['DataSecurityConfig', 'ModelKmsKeyId'], ['DataSecurityConfig', 'VolumeKmsKeyId'], ['DataSecurityConfig', 'DataLakeKmsKeyId']],
};

export const cfnComprehendNoKms: CfnRule = {
  meta: twinMeta(comprehendNoKms.meta, { id: 'cfn/comprehend-no-kms', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-comprehend-documentclassifier.html', fix: FIX, aliases: [] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const r of t.resources) {
      for (const path of KEYS[r.type] ?? []) {
        const { present, value } = propertyAt(t, r, path);
        if (present && (intrinsic(value) || !empty(value))) continue;
        const name = path.join('.');
        const key = path[path.length - 1];
        hits.push(cfnHit(t, r, present ? r.lineOf(path) : r.line, name, `${r.type} ${r.logicalId} sets no ${name}: the ${WHAT[key]} uses an AWS-managed key`));
      }
    }
    return hits;
  },
};
