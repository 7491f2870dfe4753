import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { resourcesOf } from '../protocols/otlp/signal-shape';
import type { AnyValue } from '../protocols/otlp/types';
import type { Processor, ProcessorDefinition } from './processor';

const detectorNames = ['env', 'host', 'os', 'process', 'container', 'kubernetes'] as const;
type DetectorName = (typeof detectorNames)[number];

export const resourceDetectionConfig = z
  .object({
    detectors: z
      .array(z.enum(detectorNames))
      .default([...detectorNames])
      .describe('Detectors to run, in order; an earlier detector wins a key both set.'),
    override: z
      .boolean()
      .default(false)
      .describe('true: detected values replace attributes the sender set; false: only missing ones are added.'),
    kubernetes: z
      .object({
        pod_name_env: z
          .string()
          .default('K8S_POD_NAME')
          .describe('Env var holding the pod name (downward API fieldRef metadata.name).'),
        namespace_env: z
          .string()
          .default('K8S_NAMESPACE_NAME')
          .describe('Env var holding the namespace (fieldRef metadata.namespace).'),
        node_name_env: z
          .string()
          .default('K8S_NODE_NAME')
          .describe('Env var holding the node name (fieldRef spec.nodeName).'),
        downward_api_dir: z
          .string()
          .default('/etc/podinfo')
          .describe('Downward API volume; files pod_name, namespace, node_name and labels are read when present.'),
        service_account_dir: z
          .string()
          .default('/var/run/secrets/kubernetes.io/serviceaccount')
          .describe('Its namespace file is the fallback for k8s.namespace.name.'),
      })
      .strict()
      .prefault({})
      .describe('Where the kubernetes detector looks.'),
  })
  .strict();

export type ResourceDetectionConfig = z.infer<typeof resourceDetectionConfig>;

/** What the detectors read; injectable so tests can stand in for /proc and the downward API. */
export interface DetectionEnvironment {
  env: NodeJS.ProcessEnv;
  readFile(file: string): string | undefined;
  hostname(): string;
  platform(): string;
  osRelease(): string;
  arch(): string;
  pid: number;
  execPath: string;
}

const processEnvironment: DetectionEnvironment = {
  env: process.env,
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  hostname: () => os.hostname(),
  platform: () => os.platform(),
  osRelease: () => os.release(),
  arch: () => os.arch(),
  pid: process.pid,
  execPath: process.execPath,
};

// OTEL_RESOURCE_ATTRIBUTES: comma-separated key=value, values percent-encoded (OTel SDK environment spec).
function parseResourceAttributesEnv(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      out.push([decodeURIComponent(pair.slice(0, eq).trim()), decodeURIComponent(pair.slice(eq + 1).trim())]);
    } catch {
      continue;
    }
  }
  return out;
}

const containerIdPattern = /[0-9a-f]{64}/g;

/** The last 64-hex id in /proc/self/cgroup (v1: /docker/<id>, v2: docker-<id>.scope), else in mountinfo. */
export function containerIdFrom(cgroup: string | undefined, mountinfo: string | undefined): string | undefined {
  for (const text of [cgroup, mountinfo]) {
    if (text === undefined) continue;
    const ids = text.match(containerIdPattern);
    if (ids !== null && ids.length > 0) return ids[ids.length - 1];
  }
  return undefined;
}

function trimmed(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** Runs the detectors once; the result is the resource attributes added to every request. */
export function detectResourceAttributes(
  config: ResourceDetectionConfig,
  envr: DetectionEnvironment = processEnvironment,
): Map<string, AnyValue> {
  const found = new Map<string, AnyValue>();
  const add = (key: string, value: AnyValue | undefined): void => {
    if (value !== undefined && value !== '' && !found.has(key)) found.set(key, value);
  };
  const detectors: Record<DetectorName, () => void> = {
    env() {
      add('service.name', trimmed(envr.env.OTEL_SERVICE_NAME));
      for (const [k, v] of parseResourceAttributesEnv(envr.env.OTEL_RESOURCE_ATTRIBUTES ?? '')) add(k, v);
    },
    host() {
      add('host.name', envr.hostname());
      add('host.arch', envr.arch());
    },
    os() {
      add('os.type', envr.platform());
      add('os.version', envr.osRelease());
    },
    process() {
      add('process.pid', BigInt(envr.pid));
      add('process.executable.path', envr.execPath);
      add('process.runtime.name', 'nodejs');
      add('process.runtime.version', process.versions.node);
    },
    container() {
      add('container.id', containerIdFrom(envr.readFile('/proc/self/cgroup'), envr.readFile('/proc/self/mountinfo')));
    },
    kubernetes() {
      const k = config.kubernetes;
      const file = (name: string): string | undefined => trimmed(envr.readFile(path.join(k.downward_api_dir, name)));
      add('k8s.pod.name', trimmed(envr.env[k.pod_name_env]) ?? file('pod_name'));
      add(
        'k8s.namespace.name',
        trimmed(envr.env[k.namespace_env]) ??
          file('namespace') ??
          trimmed(envr.readFile(path.join(k.service_account_dir, 'namespace'))),
      );
      add('k8s.node.name', trimmed(envr.env[k.node_name_env]) ?? file('node_name'));
      // Downward API `labels` file: one key="value" per line.
      for (const line of (envr.readFile(path.join(k.downward_api_dir, 'labels')) ?? '').split('\n')) {
        const m = /^([^=]+)="(.*)"$/.exec(line.trim());
        if (m) add(`k8s.pod.label.${m[1]}`, m[2]);
      }
    },
  };
  for (const name of config.detectors) detectors[name]();
  return found;
}

/** Adds host, OS, process, container and Kubernetes attributes to every resource (detected once at start). */
export function createResourceDetection(config: ResourceDetectionConfig, envr?: DetectionEnvironment): Processor {
  const detected = detectResourceAttributes(config, envr);
  return {
    wrap(signal, next) {
      return {
        consume(data, abort) {
          for (const res of resourcesOf(signal, data)) {
            const attrs = res.resource.attributes;
            for (const [key, value] of detected) if (config.override || !attrs.has(key)) attrs.set(key, value);
          }
          return next.consume(data, abort);
        },
      };
    },
    async start() {},
    async shutdown() {},
  };
}

export const resourceDetectionDefinition: ProcessorDefinition<ResourceDetectionConfig> = {
  type: 'resource_detection',
  description:
    'Adds resource attributes detected at start: env (OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME), host, os, process, container (id from /proc/self/cgroup) and kubernetes (env vars and downward API files).',
  config: resourceDetectionConfig,
  create: (config) => createResourceDetection(config),
};
