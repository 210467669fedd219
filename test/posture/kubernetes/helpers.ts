/** Small manifest builders for the Kubernetes rule tables (real YAML through the real parser). */

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`needle not in text: ${needle}`);
  return i + 1;
}

export interface DeployOpts {
  name?: string;
  ns?: string;
  image: string;
  args?: string[];
  env?: Record<string, string>;
  port?: number;
  gpu?: boolean;
  podExtra?: string;
  containerExtra?: string;
}

export function deployment(o: DeployOpts): string {
  const name = o.name ?? 'app';
  const ns = o.ns ?? 'ml';
  const env = o.env ? `\n          env:\n${Object.entries(o.env).map(([k, v]) => `            - name: ${k}\n              value: ${JSON.stringify(v)}`).join('\n')}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:${o.podExtra ? `\n${o.podExtra.replace(/^/gm, '      ')}` : ''}
      containers:
        - name: main
          image: ${o.image}${o.args ? `\n          args: ${JSON.stringify(o.args)}` : ''}${env}${o.port ? `\n          ports:\n            - containerPort: ${o.port}` : ''}${o.gpu ? '\n          resources:\n            limits:\n              nvidia.com/gpu: 1' : ''}${o.containerExtra ? `\n${o.containerExtra.replace(/^/gm, '          ')}` : ''}
`;
}

export function service(name: string, type: string, port: number, targetPort?: number | string, ns = 'ml'): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}-svc
  namespace: ${ns}
spec:
  type: ${type}
  selector: {app: ${name}}
  ports:
    - port: ${port}${targetPort !== undefined ? `\n      targetPort: ${targetPort}` : ''}
`;
}

export const join = (...docs: string[]) => docs.join('---\n');

/** A type LoadBalancer Service with annotations and `loadBalancerSourceRanges`. */
export function lbService(name: string, port: number, o: { annotations?: Record<string, string>; ranges?: string[]; ns?: string } = {}): string {
  const ann = o.annotations ? `\n  annotations:\n${Object.entries(o.annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}` : '';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}-svc
  namespace: ${o.ns ?? 'ml'}${ann}
spec:
  type: LoadBalancer${o.ranges ? `\n  loadBalancerSourceRanges: ${JSON.stringify(o.ranges)}` : ''}
  selector: {app: ${name}}
  ports:
    - port: ${port}
`;
}

/** A Secret (`stringData`) or ConfigMap (`data`) with these keys. */
export function envSource(kind: 'Secret' | 'ConfigMap', name: string, data: Record<string, string>, ns = 'ml'): string {
  return `apiVersion: v1
kind: ${kind}
metadata:
  name: ${name}
  namespace: ${ns}
${kind === 'Secret' ? 'stringData' : 'data'}:
${Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}
`;
}

/** `envFrom` lines for `containerExtra`. */
export function envFrom(...refs: { kind: 'Secret' | 'ConfigMap'; name: string; prefix?: string }[]): string {
  return `envFrom:\n${refs.map((r) => `  - ${r.prefix !== undefined ? `prefix: ${JSON.stringify(r.prefix)}\n    ` : ''}${r.kind === 'Secret' ? 'secretRef' : 'configMapRef'}: {name: ${r.name}}`).join('\n')}`;
}
