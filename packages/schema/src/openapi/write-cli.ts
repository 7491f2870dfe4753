import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderOpenApiYaml } from './yaml';

// Run from packages/schema by `pnpm run openapi`; the target defaults to the repo's openapi/ folder.
const target = resolve(process.argv[2] ?? resolve(__dirname, '../../../../openapi/openapi.yaml'));
writeFileSync(target, renderOpenApiYaml());
process.stdout.write(`wrote ${target}\n`);
