/** Builders for realistic CloudTrail, Kubernetes audit and Falco records used by the rule tests. */
let seq = 0;
export const T0 = Date.parse('2026-11-20T10:00:00Z');
const iso = (min: number): string => new Date(T0 + min * 60_000).toISOString().replace('.000Z', 'Z');

export const ALICE = { type: 'IAMUser', principalId: 'AIDAEXAMPLEALICE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLEALICE0001', userName: 'alice' };
export const BOB = { ...ALICE, principalId: 'AIDAEXAMPLEBOB', arn: 'arn:aws:iam::111122223333:user/bob', accessKeyId: 'AKIAEXAMPLEBOB000001', userName: 'bob' };

export function ct(source: string, name: string, extra: Record<string, unknown> = {}, minute = 0): Record<string, unknown> {
  seq++;
  return {
    eventVersion: '1.09',
    userIdentity: ALICE,
    eventTime: iso(minute),
    eventSource: `${source}.amazonaws.com`,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${seq}`,
    eventID: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...extra,
  };
}

export function audit(verb: string, objectRef: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  const ns = objectRef.namespace ? `/namespaces/${String(objectRef.namespace)}` : '';
  return {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'RequestResponse',
    auditID: `a0000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    stage: 'ResponseComplete',
    requestURI: `/api/v1${ns}/${String(objectRef.resource)}${objectRef.name ? `/${String(objectRef.name)}` : ''}${objectRef.subresource ? `/${String(objectRef.subresource)}` : ''}`,
    verb,
    user: { username: 'alice@example.com', groups: ['system:authenticated'] },
    sourceIPs: ['198.51.100.23'],
    userAgent: 'kubectl/v1.30.2 (linux/amd64) kubernetes/39683505',
    objectRef: { apiVersion: 'v1', ...objectRef },
    responseStatus: { metadata: {}, code: objectRef.subresource === 'exec' ? 101 : 200 },
    requestReceivedTimestamp: iso(0),
    stageTimestamp: iso(0),
    annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': '' },
    ...extra,
  };
}

export function falco(rule: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    uuid: `f0000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    hostname: 'gpu-node-1',
    output: `10:00:00.123456789: Notice A shell was spawned in a container with an attached terminal (user=root container_image=${image})`,
    priority: 'Notice',
    rule,
    source: 'syscall',
    tags: ['container', 'mitre_execution', 'T1059'],
    time: '2026-11-20T10:00:00.123456789Z',
    output_fields: {
      'container.id': 'c0ffee123456',
      'container.image.repository': image,
      'container.image.tag': 'latest',
      'container.name': 'main',
      'k8s.ns.name': 'ml',
      'k8s.pod.name': 'model-server-7d9f8',
      'proc.cmdline': 'bash',
      'proc.name': 'bash',
      'user.name': 'root',
    },
    ...extra,
  };
}

/** A pod spec requesting one NVIDIA GPU, optionally privileged / with a hostPath volume. */
export function gpuPod(opts: { privileged?: boolean; hostPath?: boolean; gpu?: boolean }): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'trainer', namespace: 'ml' },
    spec: {
      containers: [
        {
          name: 'trainer',
          image: 'nvcr.io/nvidia/pytorch:24.05-py3',
          resources: opts.gpu === false ? { limits: { cpu: '4' } } : { limits: { 'nvidia.com/gpu': '1', memory: '32Gi' } },
          securityContext: opts.privileged ? { privileged: true } : { allowPrivilegeEscalation: false },
        },
      ],
      volumes: opts.hostPath ? [{ name: 'host', hostPath: { path: '/' } }] : [{ name: 'data', emptyDir: {} }],
    },
  };
}
