import { loadContextModel, type ContextModelFile } from '../context/model';
import type { RedactorOptions } from '../options';
import { createCompiledScanner, type PiiScanner } from '../scanner';

/** A scanner with a given context model, or with the rules alone (null): what leave-one-part-out compares. */
export function createScannerWithContextModel(
  model: ContextModelFile | null,
  options: RedactorOptions = {},
): PiiScanner {
  const { scan, types } = createCompiledScanner(options, model === null ? null : loadContextModel(model));
  return { scan, types };
}
