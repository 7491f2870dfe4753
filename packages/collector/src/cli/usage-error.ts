/** The command line itself is wrong (unknown flag, missing -c, unknown pipeline): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
