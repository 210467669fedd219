/**
 * The Terraform rules (`tf/*`), in file order. Explicit imports, no globbing at runtime (STYLE.md §6).
 */
import type { TfRule } from './common.js';
import { azureAiLocalAuth } from './azure-ai-local-auth.js';
import { azureAiNoCustomerKey } from './azure-ai-no-customer-key.js';
import { azureAiNoManagedIdentity } from './azure-ai-no-managed-identity.js';
import { azureAiOutboundUnrestricted } from './azure-ai-outbound-unrestricted.js';
import { azureAiPublicNetwork } from './azure-ai-public-network.js';
import { azureMlComputeLocalAuth } from './azure-ml-compute-local-auth.js';
import { azureMlComputePublicIp } from './azure-ml-compute-public-ip.js';
import { azureMlWorkspacePublic } from './azure-ml-workspace-public.js';
import { azureStoragePublicBlob } from './azure-storage-public-blob.js';
import { bedrockAgentNoCustomerKey } from './bedrock-agent-no-customer-key.js';
import { bedrockAgentNoGuardrail } from './bedrock-agent-no-guardrail.js';
import { bedrockKbDataSourceNoKms } from './bedrock-kb-data-source-no-kms.js';
import { bedrockKbStorePublic } from './bedrock-kb-store-public.js';
import { bedrockKbStoreUnencrypted } from './bedrock-kb-store-unencrypted.js';
import { bedrockInvocationLoggingMissing } from './bedrock-invocation-logging-missing.js';
import { comprehendNoKms } from './comprehend-no-kms.js';
import { comprehendNoVpc } from './comprehend-no-vpc.js';
import { diskRawEncryptionKey } from './disk-raw-encryption-key.js';
import { gcsBucketNoCmek } from './gcs-bucket-no-cmek.js';
import { gcsBucketPublic } from './gcs-bucket-public.js';
import { gcsBucketUniformAccess } from './gcs-bucket-uniform-access.js';
import { kendraIndexNoKms } from './kendra-index-no-kms.js';
import { iamAiWildcard } from './iam-ai-wildcard.js';
import { iamPassroleWildcard } from './iam-passrole-wildcard.js';
import { s3BucketNoPublicAccessBlock } from './s3-bucket-no-public-access-block.js';
import { s3BucketPublic } from './s3-bucket-public.js';
import { s3BucketUnencrypted } from './s3-bucket-unencrypted.js';
import { sagemakerDomainNoKms } from './sagemaker-domain-no-kms.js';
import { sagemakerDomainPublicInternet } from './sagemaker-domain-public-internet.js';
import { sagemakerEndpointConfigNoKms } from './sagemaker-endpoint-config-no-kms.js';
import { sagemakerModelNetworkIsolation } from './sagemaker-model-network-isolation.js';
import { sagemakerNotebookDirectInternet } from './sagemaker-notebook-direct-internet.js';
import { sagemakerNotebookImdsv1 } from './sagemaker-notebook-imdsv1.js';
import { sagemakerNotebookNoKms } from './sagemaker-notebook-no-kms.js';
import { sagemakerNotebookNoVpc } from './sagemaker-notebook-no-vpc.js';
import { sagemakerNotebookRootAccess } from './sagemaker-notebook-root-access.js';
import { vertexAiNoCmek } from './vertex-ai-no-cmek.js';
import { vertexNotebookPublicIp } from './vertex-notebook-public-ip.js';
import { vertexWorkbenchPublicIp } from './vertex-workbench-public-ip.js';
import { vertexWorkbenchShieldedVm } from './vertex-workbench-shielded-vm.js';

export const terraformRules: TfRule[] = [
  azureAiLocalAuth,
  azureAiNoCustomerKey,
  azureAiNoManagedIdentity,
  azureAiOutboundUnrestricted,
  azureAiPublicNetwork,
  azureMlComputeLocalAuth,
  azureMlComputePublicIp,
  azureMlWorkspacePublic,
  azureStoragePublicBlob,
  bedrockAgentNoCustomerKey,
  bedrockAgentNoGuardrail,
  bedrockInvocationLoggingMissing,
  bedrockKbDataSourceNoKms,
  bedrockKbStorePublic,
  bedrockKbStoreUnencrypted,
  comprehendNoKms,
  comprehendNoVpc,
  diskRawEncryptionKey,
  gcsBucketNoCmek,
  gcsBucketPublic,
  gcsBucketUniformAccess,
  iamAiWildcard,
  kendraIndexNoKms,
  iamPassroleWildcard,
  s3BucketNoPublicAccessBlock,
  s3BucketPublic,
  s3BucketUnencrypted,
  sagemakerDomainNoKms,
  sagemakerDomainPublicInternet,
  sagemakerEndpointConfigNoKms,
  sagemakerModelNetworkIsolation,
  sagemakerNotebookDirectInternet,
  sagemakerNotebookImdsv1,
  sagemakerNotebookNoKms,
  sagemakerNotebookNoVpc,
  sagemakerNotebookRootAccess,
  vertexAiNoCmek,
  vertexNotebookPublicIp,
  vertexWorkbenchPublicIp,
  vertexWorkbenchShieldedVm,
];
