/** Edge kinds from Kubernetes manifests: exposure, service account → cloud identity, Secrets, model files. */
import { describe, expect, it } from 'vitest';
import { edgesOf, infra, k8s, tf } from './helpers.js';

const DEPLOY = (name: string, extra = '', container = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ml}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${extra}      containers:
        - name: main
          image: ghcr.io/acme/${name}:1.0
${container}`;

const SVC = (name: string, type: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ml}
spec:
  type: ${type}
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('edge: internet → workload (exposure)', () => {
  it('a LoadBalancer Service selecting the pod records the exposure on the workload', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('api') + SVC('api', 'LoadBalancer') }) });
    const w = assets.find((a) => a.id === 'k8s:ml/Deployment/api');
    expect(w?.properties.exposure).toEqual([{ via: 'Service ml/api (LoadBalancer)', path: 'app.yaml', line: expect.any(Number) }]);
  });
  it('an internal load balancer, or one open only to private ranges, exposes nothing', () => {
    const internal = SVC('api', 'LoadBalancer').replace('namespace: ml}', 'namespace: ml, annotations: {networking.gke.io/load-balancer-type: Internal}}');
    const ranges = SVC('api', 'LoadBalancer').replace('  ports:', '  loadBalancerSourceRanges: [10.0.0.0/8, 100.64.0.0/10]\n  ports:');
    for (const svc of [internal, ranges]) {
      const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('api') + svc }) });
      expect(assets.find((a) => a.id === 'k8s:ml/Deployment/api')?.properties.exposure).toBeUndefined();
    }
    const open = SVC('api', 'LoadBalancer').replace('  ports:', '  loadBalancerSourceRanges: [10.0.0.0/8, 0.0.0.0/0]\n  ports:');
    expect(infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('api') + open }) }).find((a) => a.id === 'k8s:ml/Deployment/api')?.properties.exposure).toHaveLength(1);
  });
  it('a ClusterIP Service exposes nothing', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('api') + SVC('api', 'ClusterIP') }) });
    expect(assets.find((a) => a.id === 'k8s:ml/Deployment/api')?.properties.exposure).toBeUndefined();
  });
});

describe('edge: workload → service account → cloud identity (IRSA / GKE)', () => {
  const SA = (ann: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: trainer
  namespace: ml
  annotations:
    ${ann}
---
`;
  const ROLE = `resource "aws_iam_role" "trainer" {
  name = "ml-trainer"
  assume_role_policy = "{}"
}
`;
  it('IRSA resolves the role ARN to the Terraform role', () => {
    const assets = infra({
      kubernetes: k8s({ 'sa.yaml': SA('eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/ml-trainer') + DEPLOY('train', '      serviceAccountName: trainer\n') }),
      terraform: tf({ 'infra/iam.tf': ROLE }),
    });
    expect(edgesOf(assets)).toEqual([
      'k8s:ml/Deployment/train -assumes-> k8s:ml/ServiceAccount/trainer',
      'k8s:ml/ServiceAccount/trainer -assumes-> tf:infra/aws_iam_role.trainer',
    ]);
  });
  it('GKE workload identity without a Terraform declaration becomes a stub identity', () => {
    const assets = infra({ kubernetes: k8s({ 'sa.yaml': SA('iam.gke.io/gcp-service-account: trainer-sa@proj-1.iam.gserviceaccount.com') + DEPLOY('train', '      serviceAccountName: trainer\n') }) });
    expect(edgesOf(assets)).toContain('k8s:ml/ServiceAccount/trainer -assumes-> cloud-identity:gcp/trainer-sa');
    expect(assets.find((a) => a.id === 'cloud-identity:gcp/trainer-sa')?.kind).toBe('cloud-resource');
  });
  it('a pod on another service account, or an unannotated one, makes no edge', () => {
    const other = infra({ kubernetes: k8s({ 'sa.yaml': SA('eks.amazonaws.com/role-arn: arn:aws:iam::1:role/ml-trainer') + DEPLOY('train', '      serviceAccountName: builder\n') }) });
    expect(edgesOf(other).filter((e) => e.startsWith('k8s:ml/Deployment'))).toEqual([]);
    const plain = infra({ kubernetes: k8s({ 'sa.yaml': SA('team: ml') + DEPLOY('train', '      serviceAccountName: trainer\n') }) });
    expect(edgesOf(plain)).toEqual([]);
  });
});

describe('edge: workload → Secret → provider account', () => {
  const SECRET = `apiVersion: v1
kind: Secret
metadata: {name: llm-keys, namespace: ml}
stringData: {OPENAI_API_KEY: placeholder}
---
`;
  it('envFrom secretRef and secretKeyRef join the workload to the Secret, and the Secret to the provider', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': SECRET + DEPLOY('api', '', '          envFrom: [{secretRef: {name: llm-keys}}]\n') }) });
    expect(edgesOf(assets)).toEqual(['k8s:ml/Deployment/api -uses-> k8s:ml/Secret/llm-keys', 'k8s:ml/Secret/llm-keys -grants-> llm-provider:openai']);
  });
  it('a workload that does not reference the Secret makes no edge', () => {
    expect(edgesOf(infra({ kubernetes: k8s({ 'app.yaml': SECRET + DEPLOY('api') }) }))).toEqual([]);
  });
});

describe('edge: workload → model file it loads', () => {
  it('records model file names from the command line', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('ranker', '', '          args: ["serve", "--model=/srv/models/ranker.pt", "--port", "8080"]\n') }) });
    expect(assets.find((a) => a.id === 'k8s:ml/Deployment/ranker')?.properties.modelPaths).toEqual(['/srv/models/ranker.pt']);
  });
  it('records a model file named by a ConfigMap the container pulls with envFrom', () => {
    const cm = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ranker-cfg, namespace: ml}\ndata: {MODEL_PATH: /srv/models/ranker.joblib}\n';
    const dep = DEPLOY('ranker', '', '          envFrom: [{configMapRef: {name: ranker-cfg}}]\n');
    expect(infra({ kubernetes: k8s({ 'app.yaml': dep + cm }) }).find((a) => a.id === 'k8s:ml/Deployment/ranker')?.properties.modelPaths).toEqual(['/srv/models/ranker.joblib']);
    expect(infra({ kubernetes: k8s({ 'app.yaml': dep + cm.replace('name: ranker-cfg', 'name: other') }) }).find((a) => a.id === 'k8s:ml/Deployment/ranker')).toBeUndefined();
  });
  it('ignores URLs, templates and non-model files', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('ranker', '', '          args: ["--config", "/etc/app.yaml", "--model", "s3://bucket/m.pt", "--m", "${MODEL}.pt"]\n') }) });
    expect(assets.find((a) => a.id === 'k8s:ml/Deployment/ranker')).toBeUndefined();
  });
});

describe('edge: service account declared in Terraform (Kubernetes provider)', () => {
  const TF = `resource "aws_iam_role" "trainer" {
  name = "ml-trainer"
  assume_role_policy = "{}"
}
resource "kubernetes_service_account" "trainer" {
  metadata {
    name      = "trainer"
    namespace = "ml"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.trainer.arn
    }
  }
}
`;
  it('joins manifest pods to the Terraform-declared account and its role', () => {
    const assets = infra({ kubernetes: k8s({ 'app.yaml': DEPLOY('train', '      serviceAccountName: trainer\n') }), terraform: tf({ 'eks/sa.tf': TF }) });
    expect(edgesOf(assets)).toEqual([
      'k8s:ml/Deployment/train -assumes-> k8s:ml/ServiceAccount/trainer',
      'k8s:ml/ServiceAccount/trainer -assumes-> tf:eks/aws_iam_role.trainer',
    ]);
  });
});

describe('edge: pod that escapes to its node (no GPU posture finding covers it)', () => {
  const SOCK = `      volumes:\n        - name: sock\n          hostPath: {path: /var/run/docker.sock, type: Socket}\n`;
  it('a privileged container, SYS_ADMIN, hostPID or a runtime-socket hostPath runs on the node, located at the field', () => {
    const assets = infra({ kubernetes: k8s({
      'a.yaml': DEPLOY('priv', '', '          securityContext: {privileged: true}\n'),
      'b.yaml': DEPLOY('sock', SOCK),
      'c.yaml': DEPLOY('pid', '      hostPID: true\n'),
      'd.yaml': DEPLOY('cap', '', '          securityContext: {capabilities: {add: [SYS_ADMIN]}}\n'),
    }) });
    expect(edgesOf(assets)).toEqual(['cap', 'pid', 'priv', 'sock'].map((n) => `k8s:ml/Deployment/${n} -runs-on-> node:k8s:ml/Deployment/${n}`));
    const node = assets.find((a) => a.id === 'node:k8s:ml/Deployment/sock');
    expect(node?.properties.escape).toBe('the pod mounts host path /var/run/docker.sock');
    expect(node?.locations).toEqual([{ path: 'b.yaml', startLine: 11 }]); // hostPath.path
  });
  it('no edge for a hardened pod, a harmless hostPath, or a GPU pod (its posture findings give that edge)', () => {
    const gpu = '          resources: {limits: {nvidia.com/gpu: 1}}\n          securityContext: {privileged: true}\n';
    const assets = infra({ kubernetes: k8s({
      'a.yaml': DEPLOY('plain', '', '          securityContext: {privileged: false, capabilities: {drop: [ALL]}}\n'),
      'b.yaml': DEPLOY('data', '      volumes:\n        - name: d\n          hostPath: {path: /mnt/datasets}\n        - name: logs\n          hostPath: {path: /var/log}\n'),
      'c.yaml': DEPLOY('gpu', '', gpu),
    }) });
    expect(edgesOf(assets).filter((e) => e.includes('runs-on'))).toEqual([]);
  });
});

describe('edge: service account → the cloud identity federated to it (Terraform subject)', () => {
  const SA = (ann: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: trainer\n  namespace: ml\n  annotations: {${ann}}\n---\n`;
  const AZ = `resource "azurerm_user_assigned_identity" "trainer" {\n  name = "trainer-id"\n}\nresource "azurerm_federated_identity_credential" "aks" {\n  parent_id = azurerm_user_assigned_identity.trainer.id\n  subject   = "system:serviceaccount:ml:trainer"\n}\n`;
  const GKE = `resource "google_service_account" "trainer" {\n  account_id = "trainer-gsa"\n}\nresource "google_service_account_iam_member" "wi" {\n  service_account_id = google_service_account.trainer.name\n  role   = "roles/iam.workloadIdentityUser"\n  member = "serviceAccount:acme-ml.svc.id.goog[ml/trainer]"\n}\n`;
  const pod = DEPLOY('train', '      serviceAccountName: trainer\n');
  it('an Azure client id that Terraform computes resolves through the federated credential subject', () => {
    const assets = infra({ kubernetes: k8s({ 'a.yaml': SA('azure.workload.identity/client-id: 6f1c3b2a-9d4e-4f7a-8b1c-2d3e4f5a6b7c') + pod }), terraform: tf({ 'az/main.tf': AZ }) });
    expect(edgesOf(assets)).toContain('k8s:ml/ServiceAccount/trainer -assumes-> tf:az/azurerm_user_assigned_identity.trainer');
  });
  it('a GKE annotation naming an undeclared account resolves through the workloadIdentityUser binding', () => {
    const assets = infra({ kubernetes: k8s({ 'a.yaml': SA('iam.gke.io/gcp-service-account: trainer@other-project.iam.gserviceaccount.com') + pod }), terraform: tf({ 'gcp/main.tf': GKE }) });
    expect(edgesOf(assets)).toContain('k8s:ml/ServiceAccount/trainer -assumes-> tf:gcp/google_service_account.trainer');
  });
  it('a subject naming another service account, or another role, joins nothing', () => {
    const other = AZ.replace('ml:trainer', 'ml:someone-else');
    const viewer = GKE.replace('roles/iam.workloadIdentityUser', 'roles/iam.serviceAccountUser');
    const a = infra({ kubernetes: k8s({ 'a.yaml': SA('azure.workload.identity/client-id: 6f1c3b2a-9d4e-4f7a-8b1c-2d3e4f5a6b7c') + pod }), terraform: tf({ 'az/main.tf': other }) });
    const g = infra({ kubernetes: k8s({ 'a.yaml': SA('iam.gke.io/gcp-service-account: trainer@other-project.iam.gserviceaccount.com') + pod }), terraform: tf({ 'gcp/main.tf': viewer }) });
    expect([...edgesOf(a), ...edgesOf(g)].filter((e) => e.startsWith('k8s:ml/ServiceAccount/') && e.includes('-assumes-> tf:'))).toEqual([]);
  });
});
