/**
 * The extensions of the files logs name: archives and packages, programs and code, configs and data, keys and
 * certificates, images and documents. One list for every detector that tells a file's name from a host's, a domain's
 * or a key's (`app-1.2.3.4.jar`, `hero@2x.webp`, `AuthKey_ABC123.p8`). `zip`, `so`, `py` and `pub` are also top-level
 * domains: a detector of addresses keeps those.
 */
const extensions = [
  ...['jar', 'war', 'ear', 'zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'rpm', 'deb', 'whl', 'egg', 'nupkg'],
  ...['so', 'dll', 'exe', 'msi', 'dmg', 'pkg', 'apk', 'bin', 'img', 'iso'],
  ...['js', 'ts', 'map', 'css', 'html?', 'py', 'rb', 'go', 'java', 'class'],
  ...['log', 'txt', 'json', 'xml', 'ya?ml', 'conf', 'cfg', 'ini', 'env', 'csv', 'tsv', 'bak', 'tmp', 'swp', 'lock'],
  ...['pem', 'crt', 'cer', 'der', 'key', 'p8', 'p12', 'pfx', 'jks', 'keystore', 'pub', 'asc', 'gpg', 'sig'],
  ...['sha256', 'md5', 'png', 'jpe?g', 'gif', 'webp', 'svg', 'ico', 'pdf'],
].join('|');

/** A label that is a file's extension (`jar` of `app-1.2.3.4.jar`). */
export const fileExtension = new RegExp(`^(?:${extensions})$`, 'i');

/** A name ending in a file's extension (`client.pem`, `AuthKey_ABC123.p8`). */
export const fileName = new RegExp(`\\.(?:${extensions})$`, 'i');

/**
 * The extensions of files whose names carry a version where an address could stand (`app-1.2.3.4.jar`,
 * `agent-10.2.0.15.log`): packages, archives, programs, code and configs, the list `ipv4` skipped before round 9.
 * Not images, documents, data or keys: `screenshots/203.0.113.9.png`, `known/198.51.100.23.pub` and
 * `host-198.51.100.23.pdf` are named for an address.
 */
export const versionedFileExtension =
  /^(?:jar|war|ear|zip|tar|gz|tgz|bz2|xz|rpm|deb|whl|egg|so|dll|exe|msi|dmg|pkg|apk|js|py|rb|go|java|class|log|txt|json|xml|yaml|yml|conf|cfg|ini|bin|img|iso|sig|asc|sha256|md5|pem|crt|key|bak|tmp|swp|lock|ts|map|css|html?)$/i;

/** The extensions that are also top-level domains. */
export const domainExtension = /^(?:zip|so|py|pub)$/i;
