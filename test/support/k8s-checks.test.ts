import type { K8sObject } from './chart';
import { findProblems } from './k8s-checks';

const deployment = (labels: Record<string, string>, selector: Record<string, string>): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'app' },
  spec: {
    selector: { matchLabels: selector },
    template: {
      metadata: { labels },
      spec: {
        serviceAccountName: 'app',
        containers: [
          {
            name: 'c',
            ports: [{ name: 'http', containerPort: 80 }],
            readinessProbe: { httpGet: { path: '/readyz', port: 'metrics' } },
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'absent' } }],
      },
    },
  },
});

describe('findProblems', () => {
  test('reports selectors, ports, probes and references that point at nothing', () => {
    const problems = findProblems([
      deployment({ app: 'a' }, { app: 'b' }),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'svc' },
        spec: { selector: { app: 'a' }, ports: [{ name: 'x', targetPort: 'grpc' }] },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'pdb' },
        spec: { selector: { matchLabels: { app: 'zzz' } } },
      },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Deployment/app: selector does not match its pod template labels',
        'Deployment/app: serviceAccountName app is not rendered',
        'Deployment/app: volume cfg uses missing ConfigMap absent',
        'Deployment/app: probe uses unknown port metrics',
        'Service/svc: port x targets grpc, which no container exposes',
        'PodDisruptionBudget/pdb: selects no pods',
      ]),
    );
  });

  test('reports nothing for a consistent pair', () => {
    const d = deployment({ app: 'a' }, { app: 'a' });
    d.spec.template.spec.serviceAccountName = undefined;
    d.spec.template.spec.volumes = [];
    d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 'http';
    const svc: K8sObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { selector: { app: 'a' }, ports: [{ name: 'http', targetPort: 'http' }] },
    };
    expect(findProblems([d, svc])).toEqual([]);
  });
});
