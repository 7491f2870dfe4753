import type { Category, ForwardTo, Severity } from '@obs/schema';

/** Alerting pages someone (critical, or an error about availability or security); archive takes debug and noise. */
export function forwardToFor(severity: Severity, category: Category): ForwardTo {
  if (severity === 'critical') return 'alerting';
  if (severity === 'error' && (category === 'availability' || category === 'security')) return 'alerting';
  if (severity === 'debug' || category === 'noise') return 'archive';
  return 'storage';
}
