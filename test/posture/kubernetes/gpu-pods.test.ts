/** RuleTester tables of the GPU pod hardening rules and the service-account token rule. */
import { kubernetesKind } from '../../../src/documents/kubernetes/index.js';
import { gpuPodHostNamespace } from '../../../src/posture/kubernetes/gpu-pod-host-namespace.js';
import { gpuPodHostPath } from '../../../src/posture/kubernetes/gpu-pod-host-path.js';
import { gpuPodPrivilegeEscalation } from '../../../src/posture/kubernetes/gpu-pod-privilege-escalation.js';
import { gpuPodPrivileged } from '../../../src/posture/kubernetes/gpu-pod-privileged.js';
import { gpuPodRunsAsRoot } from '../../../src/posture/kubernetes/gpu-pod-runs-as-root.js';
import { gpuPodSysAdmin } from '../../../src/posture/kubernetes/gpu-pod-sys-admin.js';
import { saTokenAutomount } from '../../../src/posture/kubernetes/sa-token-automount.js';
import { ruleTester } from '../../support/rule-tester.js';
import { deployment, join, lineOf, service } from './helpers.js';

const gpu = (o: { podExtra?: string; containerExtra?: string; gpu?: boolean }) => deployment({ name: 'train', image: 'nvcr.io/nvidia/pytorch:24.05-py3', gpu: o.gpu ?? true, podExtra: o.podExtra, containerExtra: o.containerExtra });
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  nodeSelector: {nvidia.com/gpu.present: "true"}\n${spec}`;

ruleTester(kubernetesKind, gpuPodPrivileged, {
  filename: 'p.yaml',
  valid: [gpu({ containerExtra: 'securityContext: {privileged: false}' }), gpu({ gpu: false, containerExtra: 'securityContext: {privileged: true}' })],
  invalid: [
    { code: gpu({ containerExtra: 'securityContext:\n  privileged: true' }), errors: [{ line: lineOf(gpu({ containerExtra: 'securityContext:\n  privileged: true' }), 'privileged: true') }] },
    { name: 'GPU by node selector (bare Pod)', code: pod('  containers:\n    - name: c\n      image: x:1\n      securityContext: {privileged: true}\n'), errors: [{ line: 9 }] },
  ],
});

const hostPath = (path: string) => gpu({ podExtra: `volumes:\n  - name: h\n    hostPath:\n      path: ${path}` });
ruleTester(kubernetesKind, gpuPodHostPath, {
  filename: 'p.yaml',
  valid: [hostPath('/data/datasets'), hostPath('/mnt/models')],
  invalid: [
    { code: hostPath('/'), errors: [{ severity: 'critical', line: lineOf(hostPath('/'), 'path: /') }] },
    { code: hostPath('/var/run/docker.sock'), errors: [{ severity: 'critical' }] },
    { code: hostPath('/dev'), errors: [{ severity: 'high' }] },
    { code: hostPath('/proc'), errors: [{ message: 'host path /proc' }] },
  ],
});

ruleTester(kubernetesKind, gpuPodHostNamespace, {
  filename: 'p.yaml',
  valid: [gpu({ podExtra: 'hostIPC: false' }), gpu({ gpu: false, podExtra: 'hostPID: true' })],
  invalid: [
    { code: gpu({ podExtra: 'hostIPC: true' }), errors: [{ message: 'hostIPC: true' }] },
    { code: gpu({ podExtra: 'hostNetwork: true\nhostPID: true' }), errors: [{ message: 'hostNetwork' }, { message: 'hostPID' }] },
  ],
});

ruleTester(kubernetesKind, gpuPodSysAdmin, {
  filename: 'p.yaml',
  valid: [gpu({ containerExtra: 'securityContext:\n  capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}' })],
  invalid: [{ code: gpu({ containerExtra: 'securityContext:\n  capabilities:\n    add: ["SYS_ADMIN"]' }), errors: [{ message: 'adds SYS_ADMIN' }] }],
});

ruleTester(kubernetesKind, gpuPodPrivilegeEscalation, {
  filename: 'p.yaml',
  valid: [gpu({ containerExtra: 'securityContext: {allowPrivilegeEscalation: false}' }), gpu({})],
  invalid: [{ code: gpu({ containerExtra: 'securityContext: {allowPrivilegeEscalation: true}' }), errors: [{ message: 'allowPrivilegeEscalation: true' }] }],
});

ruleTester(kubernetesKind, gpuPodRunsAsRoot, {
  filename: 'p.yaml',
  valid: [gpu({ containerExtra: 'securityContext: {runAsNonRoot: true, runAsUser: 1000}' }), gpu({ podExtra: 'securityContext: {runAsUser: 0}', containerExtra: 'securityContext: {runAsUser: 1000}' })],
  invalid: [
    { code: gpu({ containerExtra: 'securityContext: {runAsUser: 0}' }), errors: [{ message: 'runAsUser: 0' }] },
    { name: 'pod-level runAsNonRoot false', code: gpu({ podExtra: 'securityContext: {runAsNonRoot: false}' }), errors: [{ message: 'runAsNonRoot: false' }] },
  ],
});

const nb = (extra = '') => `apiVersion: kubeflow.org/v1
kind: Notebook
metadata: {name: nb, namespace: team}
spec:
  template:
    spec:${extra}
      containers:
        - name: nb
          image: kubeflownotebookswg/jupyter-scipy:v1.9.0
`;
const sa = (automount: boolean) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: team}\nautomountServiceAccountToken: ${automount}\n`;
ruleTester(kubernetesKind, saTokenAutomount, {
  filename: 'nb.yaml',
  valid: [
    nb('\n      automountServiceAccountToken: false'),
    { name: 'ServiceAccount disables it (other file)', files: { 'nb.yaml': nb(), 'sa.yaml': sa(false) } },
    deployment({ image: 'nginx:1.27' }),
  ],
  invalid: [
    { code: nb(), errors: [{ line: 6, severity: 'medium', message: 'notebook pod gets a token for service account default' }] },
    { files: { 'nb.yaml': nb(), 'sa.yaml': sa(true) }, errors: [{ path: 'nb.yaml' }] },
    { name: 'exposed model server', code: join(deployment({ name: 'v', image: 'vllm/vllm-openai:v0.6.3', port: 8000 }), service('v', 'LoadBalancer', 8000)), errors: [{ severity: 'high' }] },
  ],
});
