/**
 * The built-in AI rule pack: every alerting rule fires on a realistic true positive and stays quiet on
 * near misses (ESLint RuleTester style), and the Stratus Red Team detonation logs give exactly the
 * expected alerts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/runtime/builtin-rules.js';
import { DetectSession } from '../../src/runtime/session.js';
import { aiImageCatalogue } from '../../src/catalog/ai-images.js';
import { aiImageOf, RUNTIME_AI_CATEGORIES } from '../../src/runtime/ai-images.js';
import { BOB, audit, ct, falco, gpuPod } from './fixtures.js';
import { corpus } from './shared-corpora.js';

const loaded = loadBuiltinRules();

function fired(records: Record<string, unknown>[]): string[] {
  const s = new DetectSession(loaded.rules);
  records.forEach((r, i) => s.record(r, `test#${i + 1}`));
  return [...new Set(s.findings.map((f) => f.ruleId.replace(/^detect\//, '')))].sort();
}

interface Case {
  valid: Record<string, unknown>[][];
  invalid: Record<string, unknown>[][];
}

const bedrockInvoke = (min: number, extra: Record<string, unknown> = {}) =>
  ct('bedrock', 'InvokeModel', { requestParameters: { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }, ...extra }, min);
const policy = (statement: unknown) => ct('s3', 'PutBucketPolicy', { requestParameters: { bucketName: 'training-data', bucketPolicy: { Version: '2012-10-17', Statement: statement }, policy: '' } });
const pab = (flag: boolean) =>
  ct('s3', 'PutBucketPublicAccessBlock', {
    requestParameters: { bucketName: 'models', PublicAccessBlockConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: flag, RestrictPublicBuckets: true } },
  });
const ssoRole = { type: 'AssumedRole', principalId: 'AROAEXAMPLE:alice@example.com', arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/alice@example.com', accountId: '111122223333' };
const login = (mfa: string, result: string, extra: Record<string, unknown> = {}) =>
  ct('signin', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa }, responseElements: { ConsoleLogin: result }, ...extra });

const CASES: Record<string, Case> = {
  'console-login-without-mfa': {
    valid: [[login('No', 'Success')], [login('No', 'Success', { userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' } })]],
    invalid: [
      [login('Yes', 'Success')],
      [login('No', 'Failure', { errorMessage: 'Failed authentication' })],
      [login('No', 'Success', { userIdentity: ssoRole })],
      [login('No', 'Success', { userIdentity: { type: 'SAMLUser', principalId: 'x', userName: 'alice' }, additionalEventData: { MFAUsed: 'No', SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' } })],
    ],
  },
  'root-account-activity': {
    valid: [[ct('iam', 'CreateAccessKey', { userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' } })]],
    invalid: [
      [ct('iam', 'CreateAccessKey')],
      [ct('s3', 'GetBucketAcl', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', invokedBy: 'cloudtrail.amazonaws.com' } })],
    ],
  },
  'cloudtrail-logging-stopped': {
    valid: [[ct('cloudtrail', 'StopLogging', { requestParameters: { name: 'org-trail' } })], [ct('cloudtrail', 'DeleteTrail', { requestParameters: { name: 'org-trail' } })]],
    invalid: [[ct('cloudtrail', 'StartLogging')], [ct('cloudtrail', 'StopLogging', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized' })]],
  },
  'cloudtrail-selectors-changed': {
    valid: [[ct('cloudtrail', 'PutEventSelectors', { requestParameters: { trailName: 'org-trail', eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false }] } })]],
    invalid: [[ct('cloudtrail', 'GetEventSelectors')], [ct('cloudtrail', 'PutEventSelectors', { errorCode: 'AccessDenied' })]],
  },
  'bedrock-llmjacking-recon-then-invoke': {
    valid: [[ct('bedrock', 'ListFoundationModels', {}, 0), bedrockInvoke(5)], [ct('bedrock', 'GetFoundationModelAvailability', { requestParameters: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } }, 0), ct('bedrock', 'Converse', {}, 29)]],
    invalid: [
      [bedrockInvoke(0)],
      [bedrockInvoke(0), ct('bedrock', 'ListFoundationModels', {}, 5)],
      [ct('bedrock', 'ListFoundationModels', {}, 0), bedrockInvoke(45)],
      [ct('bedrock', 'ListFoundationModels', {}, 0), bedrockInvoke(5, { userIdentity: BOB })],
    ],
  },
  'bedrock-model-access-enabled': {
    valid: [[ct('bedrock', 'PutUseCaseForModelAccess', { requestParameters: { formData: '***' } })], [ct('bedrock', 'CreateFoundationModelAgreement', { requestParameters: { modelId: 'anthropic.claude-3-sonnet-20240229-v1:0', offerToken: '***' } })]],
    invalid: [[ct('bedrock', 'GetUseCaseForModelAccess')], [ct('bedrock', 'PutFoundationModelEntitlement', { errorCode: 'AccessDeniedException' })]],
  },
  'bedrock-invocation-logging-removed': {
    valid: [[ct('bedrock', 'GetModelInvocationLoggingConfiguration', {}, 0), ct('bedrock', 'DeleteModelInvocationLoggingConfiguration', {}, 3)], [ct('bedrock', 'GetModelInvocationLoggingConfiguration', {}, 0), ct('bedrock', 'PutModelInvocationLoggingConfiguration', { requestParameters: { loggingConfig: { s3Config: { bucketName: 'attacker-bucket' } } } }, 10)]],
    invalid: [
      [ct('bedrock', 'DeleteModelInvocationLoggingConfiguration', {}, 0)],
      [ct('bedrock', 'GetModelInvocationLoggingConfiguration', {}, 0), ct('bedrock', 'DeleteModelInvocationLoggingConfiguration', { userIdentity: BOB }, 3)],
      [ct('bedrock', 'GetModelInvocationLoggingConfiguration', {}, 0), ct('bedrock', 'PutModelInvocationLoggingConfiguration', {}, 90)],
    ],
  },
  'bedrock-invocation-logging-deleted': {
    valid: [[ct('bedrock', 'DeleteModelInvocationLoggingConfiguration')]],
    invalid: [[ct('bedrock', 'PutModelInvocationLoggingConfiguration')], [ct('bedrock', 'DeleteModelInvocationLoggingConfiguration', { errorCode: 'AccessDeniedException' })]],
  },
  'bedrock-guardrail-tampered': {
    valid: [[ct('bedrock', 'DeleteGuardrail', { requestParameters: { guardrailIdentifier: 'gr-123' } })], [ct('bedrock', 'UpdateGuardrail', { requestParameters: { guardrailIdentifier: 'gr-123' } })]],
    invalid: [[ct('bedrock', 'CreateGuardrail')], [ct('bedrock', 'GetGuardrail')], [ct('bedrock', 'DeleteGuardrail', { errorCode: 'ConflictException' })]],
  },
  'bedrock-invocation-error-burst': {
    valid: [Array.from({ length: 10 }, (_, i) => bedrockInvoke(i * 0.5, { errorCode: i % 2 ? 'AccessDeniedException' : 'ValidationException' }))],
    invalid: [
      Array.from({ length: 9 }, (_, i) => bedrockInvoke(i * 0.5, { errorCode: 'AccessDeniedException' })),
      Array.from({ length: 12 }, (_, i) => bedrockInvoke(i * 0.5)),
      Array.from({ length: 10 }, (_, i) => bedrockInvoke(i * 3, { errorCode: 'AccessDeniedException' })),
      Array.from({ length: 10 }, (_, i) => bedrockInvoke(i * 0.5, { errorCode: 'ThrottlingException' })),
    ],
  },
  'bedrock-many-models-invoked': {
    valid: [['anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'meta.llama3-70b', 'mistral.mistral-large', 'cohere.command-r'].map((m, i) => bedrockInvoke(i, { requestParameters: { modelId: m } }))],
    invalid: [
      ['anthropic.claude-3-haiku', 'anthropic.claude-3-sonnet', 'meta.llama3-70b', 'mistral.mistral-large'].flatMap((m, i) => [bedrockInvoke(i, { requestParameters: { modelId: m } }), bedrockInvoke(i, { requestParameters: { modelId: m } })]),
      ['a', 'b', 'c', 'd', 'e'].map((m, i) => bedrockInvoke(i * 20, { requestParameters: { modelId: m } })),
    ],
  },
  'bedrock-api-key-user-credential': {
    valid: [[ct('iam', 'CreateAccessKey', { requestParameters: { userName: 'BedrockAPIKey-7x2k' } })], [ct('iam', 'CreateLoginProfile', { requestParameters: { userName: 'BedrockAPIKey-7x2k', passwordResetRequired: false } })]],
    invalid: [[ct('iam', 'CreateAccessKey', { requestParameters: { userName: 'alice' } })], [ct('iam', 'CreateServiceSpecificCredential', { requestParameters: { userName: 'BedrockAPIKey-7x2k', serviceName: 'bedrock.amazonaws.com' } })]],
  },
  'sagemaker-presigned-url': {
    valid: [[ct('sagemaker', 'CreatePresignedNotebookInstanceUrl', { requestParameters: { notebookInstanceName: 'research' } })], [ct('sagemaker', 'CreatePresignedDomainUrl', { requestParameters: { domainId: 'd-abc', userProfileName: 'alice' } })]],
    invalid: [[ct('sagemaker', 'DescribeNotebookInstance')], [ct('sagemaker', 'CreatePresignedNotebookInstanceUrl', { errorCode: 'ValidationException' })]],
  },
  'sagemaker-lifecycle-config-then-start': {
    valid: [
      [ct('sagemaker', 'UpdateNotebookInstanceLifecycleConfig', { requestParameters: { notebookInstanceLifecycleConfigName: 'on-start' } }, 0), ct('sagemaker', 'StartNotebookInstance', { requestParameters: { notebookInstanceName: 'research' } }, 4)],
      [ct('sagemaker', 'UpdateNotebookInstance', { requestParameters: { notebookInstanceName: 'research', lifecycleConfigName: 'evil' } }, 0), ct('sagemaker', 'StartNotebookInstance', {}, 1)],
    ],
    invalid: [
      [ct('sagemaker', 'StartNotebookInstance', {}, 0), ct('sagemaker', 'UpdateNotebookInstanceLifecycleConfig', {}, 4)],
      [ct('sagemaker', 'UpdateNotebookInstance', { requestParameters: { notebookInstanceName: 'research', instanceType: 'ml.t3.large' } }, 0), ct('sagemaker', 'StartNotebookInstance', {}, 1)],
      [ct('sagemaker', 'CreateNotebookInstanceLifecycleConfig', {}, 0), ct('sagemaker', 'StartNotebookInstance', { userIdentity: BOB }, 1)],
    ],
  },
  's3-bucket-policy-public': {
    valid: [[policy([{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::training-data/*' }])], [policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' })]],
    invalid: [
      [policy([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/trainer' }, Action: 's3:GetObject', Resource: '*' }])],
      [policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }])],
    ],
  },
  's3-bucket-encryption-deleted': {
    valid: [[ct('s3', 'DeleteBucketEncryption', { requestParameters: { bucketName: 'models', encryption: '' } })]],
    invalid: [[ct('s3', 'PutBucketEncryption')], [ct('s3', 'DeleteBucketEncryption', { errorCode: 'AccessDenied' })]],
  },
  's3-public-access-block-removed': {
    valid: [[ct('s3', 'DeleteBucketPublicAccessBlock', { requestParameters: { bucketName: 'models' } })], [pab(false)]],
    invalid: [[pab(true)], [ct('s3', 'GetBucketPublicAccessBlock')]],
  },
  'k8s-exec-into-ai-pod': {
    valid: [
      [audit('create', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p', subresource: 'exec' })],
      [audit('get', { resource: 'pods', namespace: 'default', name: 'vllm-llama3-5c9d7b-abcde', subresource: 'portforward' })],
    ],
    invalid: [
      [audit('create', { resource: 'pods', namespace: 'default', name: 'nginx-7c5ddbdf54-2xl9q', subresource: 'exec' })],
      [audit('create', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p', subresource: 'exec' }, { responseStatus: { code: 403, reason: 'Forbidden' } })],
      [audit('create', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p', subresource: 'exec' }, { stage: 'RequestReceived', responseStatus: undefined })],
      [audit('get', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p', subresource: 'log' })],
    ],
  },
  'k8s-privileged-gpu-pod': {
    valid: [
      [audit('create', { resource: 'pods', namespace: 'ml', name: 'trainer' }, { requestObject: gpuPod({ privileged: true }) })],
      [audit('create', { resource: 'deployments', namespace: 'ml', name: 'trainer', apiGroup: 'apps' }, { requestObject: { kind: 'Deployment', spec: { template: gpuPod({ hostPath: true }) } } })],
    ],
    invalid: [
      [audit('create', { resource: 'pods', namespace: 'ml', name: 'trainer' }, { requestObject: gpuPod({}) })],
      [audit('create', { resource: 'pods', namespace: 'ml', name: 'trainer' }, { requestObject: gpuPod({ privileged: true, gpu: false }) })],
      [audit('create', { resource: 'pods', namespace: 'ml', name: 'trainer' }, { requestObject: gpuPod({ privileged: true }), responseStatus: { code: 403 } })],
    ],
  },
  'k8s-ai-workload-changed-by-user': {
    valid: [[audit('create', { resource: 'rayclusters', namespace: 'ray', name: 'raycluster-kuberay', apiGroup: 'ray.io', apiVersion: 'v1' })], [audit('patch', { resource: 'inferenceservices', namespace: 'models', name: 'llama', apiGroup: 'serving.kserve.io' })]],
    invalid: [
      [audit('create', { resource: 'rayclusters', namespace: 'ray', name: 'raycluster-kuberay', apiGroup: 'ray.io' }, { user: { username: 'system:serviceaccount:argocd:argocd-application-controller' } })],
      [audit('update', { resource: 'rayclusters', namespace: 'ray', name: 'raycluster-kuberay', apiGroup: 'ray.io', subresource: 'status' })],
      [audit('get', { resource: 'rayclusters', namespace: 'ray', name: 'raycluster-kuberay', apiGroup: 'ray.io' })],
      [audit('create', { resource: 'deployments', namespace: 'ray', name: 'web', apiGroup: 'apps' })],
    ],
  },
  'k8s-notebook-sa-reads-secrets': {
    valid: [[audit('list', { resource: 'secrets', namespace: 'kubeflow-user-alice' }, { user: { username: 'system:serviceaccount:kubeflow-user-alice:default-editor' }, userAgent: 'python-requests/2.31' })]],
    invalid: [
      [audit('list', { resource: 'secrets', namespace: 'kube-system' }, { user: { username: 'system:serviceaccount:kube-system:generic-garbage-collector' } })],
      [audit('get', { resource: 'configmaps', namespace: 'kubeflow-user-alice' }, { user: { username: 'system:serviceaccount:kubeflow-user-alice:default-editor' } })],
      [audit('get', { resource: 'secrets', namespace: 'kubeflow-user-alice' }, { user: { username: 'alice@example.com' } })],
    ],
  },
  'falco-shell-in-ai-container': {
    valid: [
      [falco('Terminal shell in container', 'docker.io/rayproject/ray')],
      [falco('Run shell untrusted', 'vllm/vllm-openai')],
      // A rule renamed or added upstream is still recognised by its `shell` tag.
      [falco('Shell spawned by a model server', 'vllm/vllm-openai', { tags: ['maturity_incubating', 'container', 'shell', 'mitre_execution', 'T1059'] })],
      // No container.image.repository: the image in the output text, then the pod name.
      [falco('Terminal shell in container', '', { output_fields: { 'k8s.pod.name': 'web-1', 'proc.name': 'bash' }, output: 'Notice A shell was spawned (user=root container_image=vllm/vllm-openai container_image_tag=v0.6)' })],
      [falco('Terminal shell in container', '', { output_fields: { 'container.image.repository': '', 'k8s.pod.name': 'vllm-7d9f8-x2' }, output: 'Notice A shell was spawned (user=root)' })],
    ],
    invalid: [
      [falco('Terminal shell in container', 'docker.io/library/nginx')],
      [falco('Read sensitive file untrusted', 'docker.io/rayproject/ray')],
      // The fallbacks apply only when the image is unknown: a known non-AI image is not overridden by the pod name.
      [falco('Terminal shell in container', 'docker.io/library/nginx', { output_fields: { 'container.image.repository': 'docker.io/library/nginx', 'k8s.pod.name': 'vllm-proxy' } })],
      [falco('Terminal shell in container', '', { output_fields: { 'k8s.pod.name': 'web-1' }, output: 'Notice A shell was spawned (user=root container_image=nginx command=python -m vllm)' })],
    ],
  },
  'falco-outbound-from-ai-container': {
    valid: [
      [falco('Unexpected outbound connection destination', 'ghcr.io/huggingface/text-generation-inference', { priority: 'Warning' })],
      [falco('Exfiltration over a new channel', 'vllm/vllm-openai', { tags: ['maturity_sandbox', 'container', 'network', 'mitre_exfiltration'] })],
    ],
    invalid: [
      [falco('Unexpected outbound connection destination', 'docker.io/library/redis')],
      // A miner-pool connection is one alert, the miner rule's (see falco-miner-in-ai-container).
      [falco('Detect outbound connections to common miner pool ports', 'vllm/vllm-openai', { tags: ['maturity_sandbox', 'host', 'container', 'network', 'mitre_impact', 'T1496'] })],
    ],
  },
  'falco-miner-in-ai-container': {
    valid: [
      [falco('Detect crypto miners using the Stratum protocol', 'pytorch/pytorch', { priority: 'Critical' })],
      [falco('Detect outbound connections to common miner pool ports', 'vllm/vllm-openai', { tags: ['maturity_sandbox', 'host', 'container', 'network', 'mitre_impact', 'T1496'] })],
    ],
    invalid: [[falco('Detect crypto miners using the Stratum protocol', 'docker.io/library/alpine')], [falco('Terminal shell in container', 'docker.io/library/alpine')]],
  },
};

describe('built-in rule pack', () => {
  it('loads without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.length).toBeGreaterThan(20);
  });

  it('has a test case for every alerting rule', () => {
    const s = new DetectSession(loaded.rules);
    const silent = (s.engine as unknown as { silent: Set<{ name: string }> }).silent;
    const alerting = loaded.rules.filter((r) => !silent.has(r as never)).map((r) => r.name);
    expect(alerting.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('gives every rule the metadata SIEMs and aigis need', () => {
    for (const r of loaded.rules) {
      expect(r.id, r.title).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.author, r.title).toBe('aigis');
      expect(r.name, r.title).toMatch(/^[a-z0-9-]+$/);
    }
    for (const name of Object.keys(CASES)) {
      const r = loaded.rules.find((x) => x.name === name)!;
      expect(r.level, name).toMatch(/^(low|medium|high|critical)$/);
      expect(r.tags.some((t) => /^attack\.t\d{4}/.test(t)), name).toBe(true);
      // Audit-log tampering has no ATLAS technique; every AI-facing rule has one.
      if (!name.startsWith('cloudtrail-')) expect(r.tags.some((t) => /^atlas\.aml\.t\d{4}/.test(t)), name).toBe(true);
      expect(r.falsepositives.length, name).toBeGreaterThan(0);
      expect(r.references.length, name).toBeGreaterThan(0);
      expect(r.remediation, name).toBeTruthy();
    }
  });

  for (const [name, c] of Object.entries(CASES)) {
    describe(name, () => {
      c.valid.forEach((events, i) =>
        it(`fires on true positive ${i + 1}`, () => {
          expect(fired(events)).toContain(name);
        }),
      );
      c.invalid.forEach((events, i) =>
        it(`stays quiet on near miss ${i + 1}`, () => {
          expect(fired(events)).not.toContain(name);
        }),
      );
    });
  }

  it('Falco rules recognise every serving / training image of the shared AI image catalogue', () => {
    const falcoRules = loadBuiltinRules().rules.filter((x) => x.name?.startsWith('falco-'));
    expect(falcoRules).toHaveLength(3);
    const lists = falcoRules.map((r) => (r.raw.detection as Record<string, Record<string, string[]>>).selection_ai_image['output_fields.container.image.repository|contains']);
    for (const l of lists) expect(l).toEqual(lists[0]);
    const entries = aiImageCatalogue().filter((e) => RUNTIME_AI_CATEGORIES.includes(e.category));
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      const sample = e.match.replace(/\*+/g, 'x').toLowerCase();
      expect(lists[0].some((p) => sample.includes(p.toLowerCase())), `${e.match} (${e.name})`).toBe(true);
    }
  });
  it('names the AI image of a Falco alert from the catalogue', () => {
    expect(aiImageOf('docker.io/rayproject/ray')?.name).toBe('Ray');
    expect(aiImageOf('docker.io/library/nginx')).toBeUndefined();
    expect(aiImageOf('docker.io/qdrant/qdrant')).toBeUndefined(); // a vector store, not a model workload
  });
});

describe('Stratus Red Team detonation logs', () => {
  const dir = corpus('stratus-cloudtrail');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const expected: Record<string, string[]> = {
    'aws.initial-access.console-login-without-mfa.json': ['console-login-without-mfa'],
    'aws.impact.bedrock-invoke-model.json': ['bedrock-llmjacking-recon-then-invoke', 'bedrock-model-access-enabled'],
    'aws.defense-evasion.cloudtrail-stop.json': ['cloudtrail-logging-stopped'],
    'aws.defense-evasion.cloudtrail-delete.json': ['cloudtrail-logging-stopped'],
    'aws.defense-evasion.cloudtrail-event-selectors.json': ['cloudtrail-selectors-changed'],
  };
  it('has the captures this test relies on', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const f of Object.keys(expected)) expect(files).toContain(f);
  });
  for (const f of files) {
    it(`${f} fires ${expected[f]?.join(', ') ?? 'no built-in rule'}`, () => {
      const records = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>[];
      expect(fired(records)).toEqual(expected[f] ?? []);
    });
  }
  it('the seed MFA alert carries identity, source IP, time and event id', () => {
    const records = JSON.parse(readFileSync(join(dir, 'aws.initial-access.console-login-without-mfa.json'), 'utf8')) as Record<string, unknown>[];
    const s = new DetectSession(loaded.rules);
    records.forEach((r, i) => s.record(r, `mfa#${i}`));
    expect(s.findings[0]).toMatchObject({
      ruleId: 'detect/console-login-without-mfa',
      severity: 'high',
      category: 'detection',
      location: { eventIds: ['865d9377-9c6b-4fd7-8aad-725e95f6a140'] },
      properties: { identity: 'arn:aws:iam::562283505220:user/stratus-red-team-nmfalu-jfzdtsvchl', sourceIP: '225.01.00.16', time: '2024-08-02T08:53:24.000Z', author: 'aigis' },
      references: { attack: ['T1078.004'], atlas: ['AML.T0012'] },
    });
  });
});


describe('runtimeRuleMetas', () => {
  it('lists the alerting rules with detect/ ids and ATT&CK / ATLAS references', async () => {
    const { runtimeRuleMetas } = await import('../../src/runtime/catalog.js');
    const metas = runtimeRuleMetas();
    expect(metas.map((m) => m.id.replace('detect/', '')).sort()).toEqual(Object.keys(CASES).sort());
    const llm = metas.find((m) => m.id === 'detect/bedrock-llmjacking-recon-then-invoke')!;
    expect(llm).toMatchObject({ severity: 'high', category: 'detection', references: { attack: ['T1496'], atlas: ['AML.T0040', 'AML.T0034'], owaspLlm: ['LLM10'] } });
  });
});
