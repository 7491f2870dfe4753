import type { TracesData } from '../protocols/otlp/types';
import { recording, spans } from '../testing/otlp-data';
import {
  containerIdFrom,
  createResourceDetection,
  detectResourceAttributes,
  resourceDetectionConfig,
  type DetectionEnvironment,
} from './resource-detection';

const containerId = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);

function environment(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): DetectionEnvironment {
  return {
    env,
    readFile: (file) => files[file],
    hostname: () => 'node-7',
    platform: () => 'linux',
    osRelease: () => '6.1.0',
    arch: () => 'x64',
    pid: 42,
    execPath: '/usr/bin/node',
  };
}

describe('resource_detection processor', () => {
  test('finds host, os, process, container and Kubernetes attributes when every detector runs', () => {
    const found = detectResourceAttributes(
      resourceDetectionConfig.parse({}),
      environment(
        {
          '/proc/self/cgroup': `0::/system.slice/docker-${containerId}.scope\n`,
          '/etc/podinfo/labels': 'app="shop"\npod-template-hash="5d"\n',
          '/var/run/secrets/kubernetes.io/serviceaccount/namespace': 'payments\n',
        },
        {
          OTEL_SERVICE_NAME: 'shop',
          OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod,team=a%20b',
          K8S_POD_NAME: 'shop-5d-x',
          K8S_NODE_NAME: 'node-7',
        },
      ),
    );
    expect(Object.fromEntries(found)).toEqual({
      'service.name': 'shop',
      'deployment.environment': 'prod',
      team: 'a b',
      'host.name': 'node-7',
      'host.arch': 'x64',
      'os.type': 'linux',
      'os.version': '6.1.0',
      'process.pid': 42n,
      'process.executable.path': '/usr/bin/node',
      'process.runtime.name': 'nodejs',
      'process.runtime.version': process.versions.node,
      'container.id': containerId,
      'k8s.pod.name': 'shop-5d-x',
      'k8s.namespace.name': 'payments',
      'k8s.node.name': 'node-7',
      'k8s.pod.label.app': 'shop',
      'k8s.pod.label.pod-template-hash': '5d',
    });
  });

  test('reads pod name, namespace and node from downward API files when the env vars are missing', () => {
    const found = detectResourceAttributes(
      resourceDetectionConfig.parse({ detectors: ['kubernetes'], kubernetes: { downward_api_dir: '/pod' } }),
      environment({ '/pod/pod_name': 'api-0\n', '/pod/namespace': 'default', '/pod/node_name': 'n1' }),
    );
    expect(Object.fromEntries(found)).toEqual({
      'k8s.pod.name': 'api-0',
      'k8s.namespace.name': 'default',
      'k8s.node.name': 'n1',
    });
  });

  test.each([
    ['a cgroup v1 docker path', `12:memory:/docker/${containerId}\n`, undefined, containerId],
    [
      'only mountinfo',
      '0::/\n',
      `1 2 0:1 /var/lib/docker/containers/${containerId}/hostname /etc/hostname rw`,
      containerId,
    ],
    ['no container', '0::/init.scope\n', '', undefined],
  ])('reads the container id from %s', (_name, cgroup, mountinfo, expected) => {
    expect(containerIdFrom(cgroup, mountinfo)).toBe(expected);
  });

  test('keeps what the sender set unless override is true', async () => {
    for (const [override, expected] of [
      [false, 'api'],
      [true, 'shop'],
    ] as const) {
      const out = recording<TracesData>();
      const processor = createResourceDetection(
        resourceDetectionConfig.parse({ detectors: ['env'], override }),
        environment({}, { OTEL_SERVICE_NAME: 'shop' }),
      );
      await processor.wrap('traces', out).consume(spans(['a']), AbortSignal.timeout(1000));
      expect(out.batches[0].resourceSpans[0].resource.attributes.get('service.name')).toBe(expected);
    }
  });
});
