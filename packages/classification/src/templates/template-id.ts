/** A short, stable id for a template text: the same text gives the same id in every process and replica. Two 32-bit
 * multiplicative hashes with different seeds make 64 bits (16 hex digits): no crypto object per new template, which a
 * stream of one-off lines would otherwise allocate and leave to the garbage collector. Not meant to resist collisions
 * crafted on purpose; a collision would only share a template id. */
export function templateIdOf(template: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < template.length; i++) {
    const c = template.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
