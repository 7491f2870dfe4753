/**
 * `name@REALM` is not always a mailbox. A Kerberos principal's realm is upper case (`alice@CORP.EXAMPLE.COM`), and
 * directories and hypervisors qualify a login with a realm that is not a mail domain: Proxmox's `root@pam`, vSphere's
 * `administrator@vsphere.local`, a host's `.local`/`.internal`/`.lan`/`.localdomain` name. In all of these the whole
 * `name@realm` is one user (the realm names where the account lives) and nothing is an email.
 */

/** Top-level labels that no mail system routes: mDNS `.local` (RFC 6762), `.internal`, `.lan`, `home.arpa` (RFC 8375). */
const privateTld = 'local|internal|lan|localdomain|home\\.arpa';
const privateDomain = new RegExp(`(?:^|\\.)(?:${privateTld})$`, 'i');
/** True for a host name under a top-level label that no mail system routes (`node1.corp.internal`). */
export function isPrivateDomain(host: string): boolean {
  return privateDomain.test(host);
}

/** A realm in capitals (letters, digits, `-`, `.`; no lower case) of two labels or more: Kerberos and Active Directory
 * write them so, as DNS names. One label in capitals is a host, a database alias or a NetBIOS name (`alice@WS-ENG-5`,
 * `scott@ORCLPDB`): the name alone is the user. */
const upperRealmLabels = '[A-Z0-9-]+(?:\\.[A-Z0-9-]+)+';
const upperRealm = new RegExp(`^(?=[^a-z]*[A-Z])${upperRealmLabels}$`);

/** True when `domain` after `local@` is a realm, not a mail domain (`localPart` decides for all-capital text: `JOHN@EXAMPLE.COM`
 * stays an address, shouted; `krbtgt/R@R`, a service principal, does not). */
export function isRealmNotMailDomain(domain: string, localPart: string, servicePrincipal: boolean): boolean {
  if (privateDomain.test(domain)) return true;
  return upperRealm.test(domain) && (/[a-z]/.test(localPart) || servicePrincipal);
}

/** Pattern source: a mail domain, labels of letters, digits and `-` and a top-level domain of letters (`example.com`). */
export const mailDomain = '[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}';
const mailDomainAfter = new RegExp(`${mailDomain}(?![\\w.-])`, 'y');
/** Pattern source: the domain of an SSH algorithm's or extension's name (RFC 4251 §6: `curve25519-sha256@libssh.org`,
 * `ssh-ed25519-cert-v01@openssh.com`), a mail domain's shape that names no mailbox (email.ts leaves them too). */
export const sshAlgorithmDomain = '(?:openssh\\.com|libssh\\.org)';

/** True when a mail domain starts at `at` and ends where the word does (`example.com` in `ana@example.com,`). */
export function isMailDomainAt(text: string, at: number): boolean {
  mailDomainAfter.lastIndex = at;
  return mailDomainAfter.test(text);
}

// Four numbers joined by `-` or `.` inside a host name: the host is a `hostname`, whatever stands before its `@`.
export const embedsIpv4 = '(?![\\w.-]*?(?<!\\d)\\d{1,3}[-.]\\d{1,3}[-.]\\d{1,3}[-.]\\d{1,3}(?!\\d))';

/** Pattern source, after an `@`: the shape of a realm that is not a mail domain (test embedsIpv4 after it: most text
 * after an `@` is a mail domain, which fails the shape at once). The capital is looked for inside the realm's own
 * characters: looked for up to any lower case or blank, a line of `@@@…` was read to its end from each `@`. */
export const nonMailRealmShape = `(?:(?:[A-Za-z0-9-]+\\.)+(?:${privateTld})|(?=[A-Z0-9.-]*[A-Z])${upperRealmLabels})(?![\\w.-])`;

/** Pattern source, after an `@`: a realm that is not a mail domain, with no IPv4 address in it. */
export const nonMailRealm = `(?=${nonMailRealmShape})${embedsIpv4}${nonMailRealmShape}`;

/** Pattern source, after an `@`: one label with no dot, as Proxmox's `pam`/`pve`/`pbs` (a letter first, no digits:
 * `pkg@4`, `image@sha256:` and hosts numbered `node1` are not realms). */
export const singleLabelRealm = '[A-Za-z][A-Za-z_-]*(?![\\w.-]|\\.[A-Za-z0-9])';

/** Pattern source: a lower-case letter in the name or the realm at a principal's first character: a name and a realm
 * both in capitals are an address shouted (`J.SMITH@ACME.COM`), and the email claims it. */
const notAllCapitals = '(?=[\\w.$-]*[a-z]|[^@\\s]*@[\\w.-]*[a-z])';

/** Pattern source, inside a lookbehind that ends at the `@` of a principal whose realm `realm` matches after it: the
 * name, and in a capture the whole principal `name@realm` (or, all in capitals, only the name). */
export function principalBefore(name: string, realm: string): string {
  return `(?:${notAllCapitals}(?=(${name}@${realm}))${name}|(${name}))@`;
}

/** True when `value`, with an `@` at `at`, is a principal: its realm is not a mail domain (an address a pattern took
 * whole, `alice@example.com`, is no user). */
export function isPrincipal(value: string, at: number): boolean {
  const realm = value.slice(at + 1);
  return isRealmNotMailDomain(realm, value.slice(0, at), false) || /^[A-Za-z][A-Za-z_-]*$/.test(realm);
}
