export { lokiSinkDefinition } from './sink';
export { lokiSinkConfig, type LokiSinkConfig } from './config';
export { encodeLokiRecord, tenantBatches, type TenantBatch } from './record';
export { sendByTenant } from './send-by-tenant';
