import type * as http from 'node:http';
import type { Labels } from '../entry';
import { ProtocolError } from '../errors';
import { TENANT_LABEL, tenantIdProblem } from '../protocols/loki/tenant';

/** What decides the Loki tenant of a pushed request (loki_push, heroku_drain): the source's labels and tenant_from_push. */
export interface PushTenantConfig {
  readonly labels: Labels;
  readonly tenant_from_push: boolean;
}

/** The request's X-Scope-OrgID when the source lets a push choose the tenant; undefined when it does not, or it is empty. */
export function headerTenant(req: http.IncomingMessage, config: PushTenantConfig): string | undefined {
  if (!config.tenant_from_push) return undefined;
  const value = req.headers['x-scope-orgid'];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/**
 * Sets `labels`' tenant as tenant_from_push says: the source's own `__tenant_id__` label decides, else a pushed
 * `__tenant_id__` label, else the header. A pushed label the source does not allow, or a tenant Loki would refuse, is
 * a 400 naming where it came from (`where` prefixes it, e.g. `streams[2] `).
 */
export function applyPushTenant(
  labels: Labels,
  config: PushTenantConfig,
  pushed: string | undefined,
  header: string | undefined,
  where: string,
): void {
  if (config.labels[TENANT_LABEL] !== undefined) return;
  if (!config.tenant_from_push) {
    if (pushed !== undefined)
      throw new ProtocolError(
        400,
        `${where}label ${TENANT_LABEL}: this source does not let a push choose the Loki tenant (tenant_from_push: true allows it)`,
      );
    return;
  }
  const tenant = pushed ?? header;
  if (tenant === undefined) return;
  const problem = tenantIdProblem(tenant);
  if (problem !== undefined)
    throw new ProtocolError(
      400,
      `${where}${pushed !== undefined ? `label ${TENANT_LABEL}` : 'X-Scope-OrgID header'}: ${problem}`,
    );
  labels[TENANT_LABEL] = tenant;
}
