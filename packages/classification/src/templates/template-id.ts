import { createHash } from 'node:crypto';

/** A short, stable id for a template text: the same text gives the same id in every process and replica. */
export function templateIdOf(template: string): string {
  return createHash('sha256').update(template).digest('hex').slice(0, 16);
}
