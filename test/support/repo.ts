import fs from 'node:fs';
import path from 'node:path';

/** The repository root, and ../shared beside it (as CI lays them out). */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** A path under ../shared; throws an error naming it when it is absent, so a test fails with the reason. */
export function sharedPath(...parts: string[]): string {
  const full = path.join(sharedDir, ...parts);
  if (!fs.existsSync(full)) {
    throw new Error(
      `${full} is missing: the tests read data and tools from ../shared beside the repository clone (${sharedDir}); see README, "Tests and CI"`,
    );
  }
  return full;
}

/** Absolute path of an executable on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A test that needs a system binary: in CI a missing binary is a failure (CI installs it),
 * elsewhere the test is skipped with the reason in its name.
 */
export function describeWithBinary(binary: string, name: string, body: (binaryPath: string) => void): void {
  const found = findOnPath(binary);
  if (found) describe(name, () => body(found));
  else if (process.env.CI)
    describe(name, () => test(`${binary} is installed (CI installs it in .ci/run)`, () => expect(found).toBeDefined()));
  else describe.skip(`${name} (skipped: ${binary} not installed; .ci/run installs it)`, () => body(''));
}

/** The file a package entry (`@obs/ai-sorter/server`) resolves to; throws an error saying to build when it is absent. */
export function builtEntry(specifier: string): string {
  try {
    return require.resolve(specifier);
  } catch (err) {
    throw new Error(`${specifier} is not built: run pnpm turbo run build (pnpm test builds first)`, { cause: err });
  }
}
