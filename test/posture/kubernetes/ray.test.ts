import { kubernetesKind } from '../../../src/documents/kubernetes/index.js';
import { rayDashboardExposed } from '../../../src/posture/kubernetes/ray-dashboard-exposed.js';
import { rayNoTokenAuth } from '../../../src/posture/kubernetes/ray-no-token-auth.js';
import { ruleTester } from '../../support/rule-tester.js';
import { lineOf } from './helpers.js';

const cluster = (serviceType: string, env = '', host = '"0.0.0.0"') => `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: rc
  namespace: ml
spec:
  headGroupSpec:
    serviceType: ${serviceType}
    rayStartParams:
      dashboard-host: ${host}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.40.0${env}
            ports:
              - containerPort: 8265
                name: dashboard
  workerGroupSpecs:
    - groupName: w
      rayStartParams: {num-gpus: "1"}
      template:
        spec:
          containers:
            - name: worker
              image: rayproject/ray:2.40.0-gpu
`;
const tokenEnv = '\n            env:\n              - name: RAY_AUTH_MODE\n                value: token';
const externalEnvFrom = '\n            envFrom:\n              - secretRef: {name: ray-auth}';
const authSecret = (mode: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ray-auth, namespace: ml}\ndata:\n  RAY_AUTH_MODE: ${mode}\n`;
const configEnvFrom = '\n            envFrom:\n              - configMapRef: {name: ray-auth}';
const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: dash
  namespace: ml
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: rc-head-svc
                port: {number: 8265}
`;
const lbService = `apiVersion: v1
kind: Service
metadata: {name: ray-lb, namespace: ml}
spec:
  type: LoadBalancer
  selector: {ray.io/node-type: head, ray.io/cluster: rc}
  ports:
    - port: 10001
`;

ruleTester(kubernetesKind, rayDashboardExposed, {
  filename: 'ray.yaml',
  valid: [
    cluster('ClusterIP'),
    { name: 'ingress to another service', files: { 'ray.yaml': cluster('ClusterIP'), 'ing.yaml': ingress.replace('rc-head-svc', 'web') } },
    { name: 'LoadBalancer in another namespace', files: { 'ray.yaml': cluster('ClusterIP'), 'svc.yaml': lbService.replace('namespace: ml', 'namespace: other') } },
  ],
  invalid: [
    { name: 'head serviceType LoadBalancer', code: cluster('LoadBalancer'), errors: [{ line: 8, message: 'dashboard/Jobs API (8265)' }] },
    { name: 'Ingress to the KubeRay head service (other file)', files: { 'ray.yaml': cluster('ClusterIP'), 'ing.yaml': ingress }, errors: [{ path: 'ing.yaml', line: lineOf(ingress, 'name: rc-head-svc'), message: 'Ingress ml/dash' }] },
    { name: 'LoadBalancer Service selecting the head labels', files: { 'ray.yaml': cluster('ClusterIP', tokenEnv), 'svc.yaml': lbService }, errors: [{ path: 'svc.yaml', message: /client server \(10001\) exposed by Service ml\/ray-lb \(LoadBalancer\)\.$/ }] },
    { name: 'token mode possibly set by an envFrom Secret not scanned: no claim that it is off', files: { 'ray.yaml': cluster('ClusterIP', externalEnvFrom), 'svc.yaml': lbService }, errors: [{ path: 'svc.yaml', message: /exposed by Service ml\/ray-lb \(LoadBalancer\)\.$/ }] },
    { name: 'envFrom ConfigMap sets another mode', files: { 'ray.yaml': cluster('ClusterIP', configEnvFrom), 'cm.yaml': authSecret('none'), 'svc.yaml': lbService }, errors: [{ path: 'svc.yaml', message: 'token authentication is not enabled' }] },
  ],
});

ruleTester(kubernetesKind, rayNoTokenAuth, {
  filename: 'ray.yaml',
  valid: [
    cluster('ClusterIP', tokenEnv),
    { name: 'token mode from an envFrom ConfigMap', files: { 'ray.yaml': cluster('ClusterIP', configEnvFrom), 'cm.yaml': authSecret('token') } },
    { name: 'envFrom Secret not scanned may set RAY_AUTH_MODE', code: cluster('NodePort', externalEnvFrom) },
  ],
  invalid: [
    { name: 'internal, medium', code: cluster('ClusterIP'), errors: [{ line: lineOf(cluster('ClusterIP'), '- name: ray-head'), severity: 'medium', message: 'does not set RAY_AUTH_MODE=token' }] },
    { name: 'exposed, high', code: cluster('NodePort'), errors: [{ severity: 'high', message: 'Ray head Service (NodePort)' }] },
    { name: 'envFrom ConfigMap scanned, without RAY_AUTH_MODE', files: { 'ray.yaml': cluster('ClusterIP', configEnvFrom), 'cm.yaml': authSecret('none').replace('RAY_AUTH_MODE', 'RAY_OTHER') }, errors: [{ severity: 'medium', message: 'does not set RAY_AUTH_MODE=token' }] },
  ],
});
