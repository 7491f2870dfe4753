import { stringify } from 'yaml';
import { buildOpenApiDocument } from './document';

export const openApiYamlHeader =
  '# Generated from packages/schema by `pnpm --filter @obs/schema run openapi`. Do not edit.\n';

/** The exact text of openapi/openapi.yaml; the drift test compares the committed file with it. */
export function renderOpenApiYaml(): string {
  return openApiYamlHeader + stringify(buildOpenApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
