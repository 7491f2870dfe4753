import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, renderOpenApiYaml } from '@obs/schema';

describe('openapi/openapi.yaml', () => {
  test('matches the document generated from packages/schema when committed', () => {
    const committed = readFileSync(join(__dirname, 'openapi.yaml'), 'utf8');
    // On failure: run `pnpm --filter @obs/schema run openapi` and commit openapi/openapi.yaml.
    expect(committed).toBe(renderOpenApiYaml());
  });

  test('references only schemas it defines when generated', () => {
    const doc = buildOpenApiDocument() as { components: { schemas: Record<string, unknown> } };
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(Object.keys(doc.components.schemas)).toContain(name);
  });
});
