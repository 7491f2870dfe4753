import type { K8sObject } from './chart';

type Spec = NonNullable<K8sObject['spec']>;

const workloadKinds = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function podSpec(o: K8sObject): Spec | undefined {
  return workloadKinds.has(o.kind) ? o.spec?.template?.spec : o.kind === 'Pod' ? o.spec : undefined;
}

function podLabels(o: K8sObject): Record<string, string> | undefined {
  return workloadKinds.has(o.kind) ? o.spec?.template?.metadata?.labels : o.metadata.labels;
}

/**
 * Cross-object consistency a cluster would reject or silently break on: selectors that select nothing,
 * ports that name no container port, references to ConfigMaps/Secrets/ServiceAccounts that are not rendered.
 * Returns one sentence per problem.
 */
export function findProblems(objects: K8sObject[], external: { secrets?: string[] } = {}): string[] {
  const problems: string[] = [];
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const names = (kind: string) => new Set(byKind(kind).map((o) => o.metadata.name));
  const configMaps = names('ConfigMap');
  const secrets = new Set([...names('Secret'), ...(external.secrets ?? [])]);
  const serviceAccounts = names('ServiceAccount');
  const workloads = objects.filter((o) => workloadKinds.has(o.kind));

  const seen = new Set<string>();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (seen.has(key)) problems.push(`${key} is rendered twice`);
    seen.add(key);
  }

  for (const w of workloads) {
    const id = `${w.kind}/${w.metadata.name}`;
    if (!matches(w.spec?.selector?.matchLabels, podLabels(w)))
      problems.push(`${id}: selector does not match its pod template labels`);
  }

  for (const o of objects) {
    const spec = podSpec(o);
    if (!spec) continue;
    const id = `${o.kind}/${o.metadata.name}`;
    const sa = spec.serviceAccountName;
    if (sa && sa !== 'default' && !serviceAccounts.has(sa))
      problems.push(`${id}: serviceAccountName ${sa} is not rendered`);
    for (const v of spec.volumes ?? []) {
      if (v.configMap && !configMaps.has(v.configMap.name))
        problems.push(`${id}: volume ${v.name} uses missing ConfigMap ${v.configMap.name}`);
      if (v.secret && !secrets.has(v.secret.secretName))
        problems.push(`${id}: volume ${v.name} uses missing Secret ${v.secret.secretName}`);
    }
    const volumeNames = new Set((spec.volumes ?? []).map((v: { name: string }) => v.name));
    for (const c of spec.containers ?? []) {
      for (const m of c.volumeMounts ?? [])
        if (!volumeNames.has(m.name)) problems.push(`${id}: container ${c.name} mounts unknown volume ${m.name}`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && !secrets.has(ref.name)) problems.push(`${id}: env ${e.name} uses missing Secret ${ref.name}`);
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !configMaps.has(cm.name)) problems.push(`${id}: env ${e.name} uses missing ConfigMap ${cm.name}`);
      }
      const portNames = new Set((c.ports ?? []).map((p: { name: string }) => p.name));
      for (const probe of [c.livenessProbe, c.readinessProbe]) {
        const port = probe?.httpGet?.port;
        if (typeof port === 'string' && !portNames.has(port)) problems.push(`${id}: probe uses unknown port ${port}`);
      }
    }
  }

  for (const svc of byKind('Service')) {
    const id = `Service/${svc.metadata.name}`;
    const targets = workloads.filter((w) => matches(svc.spec?.selector, podLabels(w)));
    if (targets.length === 0) {
      problems.push(`${id}: selector matches no workload`);
      continue;
    }
    for (const port of svc.spec?.ports ?? []) {
      const served = targets.some((w) =>
        (podSpec(w)?.containers ?? []).some((c: { ports?: { name: string; containerPort: number }[] }) =>
          (c.ports ?? []).some((p) => p.name === port.targetPort || p.containerPort === port.targetPort),
        ),
      );
      if (!served) problems.push(`${id}: port ${port.name} targets ${port.targetPort}, which no container exposes`);
    }
  }

  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const ref = hpa.spec?.scaleTargetRef;
    if (!workloads.some((w) => w.kind === ref?.kind && w.metadata.name === ref?.name))
      problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: scales missing ${ref?.kind}/${ref?.name}`);
  }
  for (const kind of ['PodDisruptionBudget', 'NetworkPolicy']) {
    for (const o of byKind(kind)) {
      const selector =
        kind === 'PodDisruptionBudget' ? o.spec?.selector?.matchLabels : o.spec?.podSelector?.matchLabels;
      if (!workloads.some((w) => matches(selector, podLabels(w))))
        problems.push(`${kind}/${o.metadata.name}: selects no pods`);
    }
  }
  for (const sm of byKind('ServiceMonitor')) {
    const svc = byKind('Service').find((s) => matches(sm.spec?.selector?.matchLabels, s.metadata.labels));
    if (!svc) problems.push(`ServiceMonitor/${sm.metadata.name}: selects no Service`);
    else {
      for (const ep of sm.spec?.endpoints ?? []) {
        if (!(svc.spec?.ports ?? []).some((p: { name: string }) => p.name === ep.port))
          problems.push(`ServiceMonitor/${sm.metadata.name}: port ${ep.port} not on Service/${svc.metadata.name}`);
      }
    }
  }
  for (const rb of byKind('RoleBinding')) {
    if (!names(rb.roleRef?.kind ?? 'Role').has(rb.roleRef?.name ?? ''))
      problems.push(`RoleBinding/${rb.metadata.name}: binds missing ${rb.roleRef?.kind}/${rb.roleRef?.name}`);
  }
  return problems;
}
