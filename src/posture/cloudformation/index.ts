/** The CloudFormation rules (`cfn/*`). Explicit imports (STYLE.md §6). */
import type { CfnRule } from './common.js';
import { cfnSagemakerNotebookDirectInternet } from './sagemaker-notebook-direct-internet.js';
import { cfnSagemakerNotebookRootAccess } from './sagemaker-notebook-root-access.js';
import { cfnSagemakerNotebookNoKms } from './sagemaker-notebook-no-kms.js';
import { cfnSagemakerNotebookNoVpc } from './sagemaker-notebook-no-vpc.js';
import { cfnSagemakerNotebookImdsv1 } from './sagemaker-notebook-imdsv1.js';
import { cfnSagemakerDomainPublicInternet } from './sagemaker-domain-public-internet.js';
import { cfnSagemakerDomainNoKms } from './sagemaker-domain-no-kms.js';
import { cfnSagemakerEndpointConfigNoKms } from './sagemaker-endpoint-config-no-kms.js';
import { cfnSagemakerModelNetworkIsolation } from './sagemaker-model-network-isolation.js';
import { cfnBedrockAgentNoCustomerKey } from './bedrock-agent-no-customer-key.js';
import { cfnBedrockAgentNoGuardrail } from './bedrock-agent-no-guardrail.js';
import { cfnKendraIndexNoKms } from './kendra-index-no-kms.js';
import { cfnS3BucketUnencrypted } from './s3-bucket-unencrypted.js';
import { cfnS3BucketPublic } from './s3-bucket-public.js';
import { cfnS3BucketNoPublicAccessBlock } from './s3-bucket-no-public-access-block.js';
import { cfnIamAiWildcard } from './iam-ai-wildcard.js';
import { cfnIamPassroleWildcard } from './iam-passrole-wildcard.js';
import { cfnComprehendNoKms } from './comprehend-no-kms.js';
import { cfnComprehendNoVpc } from './comprehend-no-vpc.js';
import { cfnBedrockKbDataSourceNoKms } from './bedrock-kb-data-source-no-kms.js';
import { cfnBedrockKbStorePublic } from './bedrock-kb-store-public.js';
import { cfnBedrockKbStoreUnencrypted } from './bedrock-kb-store-unencrypted.js';

export const cloudFormationRules: CfnRule[] = [
  cfnSagemakerNotebookDirectInternet,
  cfnSagemakerNotebookRootAccess,
  cfnSagemakerNotebookNoKms,
  cfnSagemakerNotebookNoVpc,
  cfnSagemakerNotebookImdsv1,
  cfnSagemakerDomainPublicInternet,
  cfnSagemakerDomainNoKms,
  cfnSagemakerEndpointConfigNoKms,
  cfnSagemakerModelNetworkIsolation,
  cfnBedrockAgentNoCustomerKey,
  cfnBedrockAgentNoGuardrail,
  cfnKendraIndexNoKms,
  cfnS3BucketUnencrypted,
  cfnS3BucketPublic,
  cfnS3BucketNoPublicAccessBlock,
  cfnIamAiWildcard,
  cfnIamPassroleWildcard,
  cfnComprehendNoKms,
  cfnComprehendNoVpc,
  cfnBedrockKbDataSourceNoKms,
  cfnBedrockKbStorePublic,
  cfnBedrockKbStoreUnencrypted,
];
