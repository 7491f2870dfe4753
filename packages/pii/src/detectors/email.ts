import { boundaryPatterns, candidate, type Candidate, type Detector } from './detector';
import { domainExtension, fileExtension } from './file-extension';
import { isRealmNotMailDomain } from './principal';

/**
 * name@domain.tld, also URL-encoded (`li%40shop.example.fr`) and with an apostrophe inside the local part (`d'wang@`); the TLD must be letters, so npm-style `pkg@1.2.3` and `image@sha256:...` are not emails,
 * and neither is a URL's bare user (`ssh://git@host.tld`), an scp-style remote (`git@github.com:acme/web.git`) or a
 * `message-id=<...>`. A Kerberos principal (`alice@CORP.EXAMPLE.COM`, `HTTP/web@CORP.EXAMPLE.COM`) and a login qualified
 * by a private realm (`administrator@vsphere.local`) are not addresses either (see principal.ts).
 */
const localPartMax = 64;

/** The last label of a file or unit name, not a top-level domain (`hero@2x.webp`, `user@1004.service`,
 * `contacts-ana@shop.fr.csv`); `.zip`, `.so`, `.py` and `.pub` are also domains and stay. */
function isFileSuffix(label: string): boolean {
  return (
    (fileExtension.test(label) && !domainExtension.test(label)) ||
    /^(?:service|socket|timer|target|mount|slice)$/i.test(label)
  );
}

// Four numbers in the domain: a host named by its address (`deploy@host-203-0-113-75.isp.example`, Erlang's
// `ns_1@ec2-54-210-33-7.compute-1.amazonaws.com`), which no mail system routes to: a `hostname`, not an address.
const embeddedIpv4 = /(?<!\d)\d{1,3}[-.]\d{1,3}[-.]\d{1,3}[-.]\d{1,3}(?!\d)/;
// Documentation's stand-ins for an address (`your.name@example.com`, `youremail@…`).
const placeholderLocalPart = /^your(?:[._-]?[a-z]+)?$/i;
// RFC 2606's example domains with the generic local part `user`: documentation's `user@example.com`.
const placeholderAddress = /^user(?:@|%40)example\.(?:com|org|net)$/i;
// Google Calendar's ids of secondary, holiday, resource and imported calendars (`en.usa#holiday@group.v.calendar.google.com`,
// `c_6b5c…@group.calendar.google.com`): a calendar, not a mailbox.
const calendarId = /^(?:group(?:\.v)?|resource|import)\.calendar\.google\.com$/i;

/** The `@` and `%40` signs of a text in order, each searched for once (a search per sign from each one found would
 * rescan the rest of a long line for the other kind every time: quadratic on `a@b.a@b.…`). */
function signsOf(text: string): () => number {
  let at = text.indexOf('@');
  let encoded = text.indexOf('%40');
  return () => {
    const next = at === -1 ? encoded : encoded === -1 ? at : Math.min(at, encoded);
    if (next === -1) return -1;
    if (next === at) at = text.indexOf('@', at + 1);
    else encoded = text.indexOf('%40', encoded + 1);
    return next;
  };
}

/** `[A-Za-z0-9._+'%-]`: a character a local part (or the encoded separator before one) is made of. */
function isLocalPartCharacter(code: number): boolean {
  const lower = code | 32;
  return (
    (lower >= 97 && lower <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 95 ||
    code === 43 ||
    code === 39 ||
    code === 37 ||
    code === 45
  );
}

/** The start of the run of local-part characters that ends at `at`, looking back at most `localPartMax + 1` of them. */
function localPartRunStart(text: string, at: number): number {
  const limit = Math.max(0, at - localPartMax - 1);
  let start = at;
  while (start > limit && isLocalPartCharacter(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Whether an address can start at `start` inside the run of local-part characters that begins at `runStart`: at the
 * run's start, or after an apostrophe, an encoded separator (`%3D`) or an escaped line break (`\\n`) in it; the
 * boundary tests of the patterns reject every other position of the run. */
function mayStartAt(text: string, start: number, runStart: number): boolean {
  return (
    start === runStart ||
    text.charCodeAt(start - 1) === 39 ||
    text.charCodeAt(start - 3) === 37 ||
    text.charCodeAt(start - 2) === 92
  );
}

/** Whether the `!` at `at` ends a UUCP bang path's hop (`relay!bob.k@…`): a host name's letter or digit stands right
 * before it. Otherwise (`!chess@…` after a blank, a quote, a bracket or `=`) it names a Lemmy community. */
function bangPathHop(text: string, at: number): boolean {
  return at > 0 && /[A-Za-z0-9]/.test(text[at - 1] as string);
}

export function createEmailDetector(): Detector {
  const patternsFor = boundaryPatterns(
    "(?:(?<=%(?:3[DdAaCc]|2[0Cc267]))|(?<![\\w.%+\\\\-]|[A-Za-z]'|\\/\\/))",
    String.raw`[A-Za-z0-9](?:(?:[A-Za-z0-9._+'-]|%(?!40)){0,62}[A-Za-z0-9_%+-])?(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9]|(?<!\s(?:-u|--user)[\s=]+["']?[^\s:"']+):(?!(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|EM')[\w~/])`,
    'y',
  );
  // Message-IDs (`message-id=<...@host>`) have an address shape but name a message, not a person.
  // (Also `msgid=<…>`, `msg_id=<…>`, SendGrid's `smtp-id` of a message, MIME's `Content-ID` of a part and Exim's ` id=…`
  // of a message.) RFC 3261's `Call-ID` names a call, written bare (`Call-ID: a84b4c76e66710@pc33.example.com`,
  // Kamailio's `callid=`; its value has no `;`, `=`, `,` or `&`, so one of them starts the next field), and RFC 2392's
  // `cid:`/`mid:` URLs name a part or a message.
  const messageId =
    /(?:message|msg|mail|smtp|content)[-_]?id\\?["']?\s*[=:]\s*\\?["']?<[^<>\s]*$|call[-_]?id\\?["']?\s*[=:]\s*\\?["']?<?[^<>\s;=,&]*$|(?<![\w.-])(?:id=<?|[cm]id:)[^<>\s=]*$/i;
  // An XMPP multi-user chat room or occupant (XEP-0045), on the MUC services Jitsi Meet's Prosody config names:
  // `room@conference.meet.example.com`, `jvbbrewery@internal.auth.…`, `internal-muc.`, `lobby.`, `breakout.`.
  // Those names are also a conference's or a studio's mail domain (`registration@conference.usenix.org`), so XMPP must
  // show: a `/resource` after the address, a room or JID key before it, or Jitsi's, Prosody's or XMPP's name on the line.
  const mucService = /^(?:conference|internal\.auth|internal-muc|lobby|breakout)\.[^.]+\./i;
  const mucKeyBefore = /(?:room|jid|conf[-_]?name|occupant|bridge)\\?["']?\s*[=:]?\s*\\?["']?\[?$/i;
  const xmppLine = /(?<![a-z])(?:jicofo|jvb|jitsi|prosody|xmpp|muc)(?![a-z])/i;
  // HTML's `placeholder` attribute holds a hint shown in an empty field (`placeholder="you@example.com"`), not data.
  const placeholderBefore = /placeholder\\?["']?\s*[=:]\s*\\?["']?$/i;
  // A UUID before the `@` names a message, a call or an event (RFC 5322's `Message-ID`, `In-Reply-To`, `References`;
  // RFC 3261's `Call-ID`; RFC 5545's `UID`), except right after a recipient or sender key: a mail service's generated
  // inbound mailbox (`to=<4e2a…@inbound.example.com>`, `"rcpt":"…"`).
  const uuidLocalPart = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const mailboxKeyBefore =
    /(?<![\w-])(?:(?:orig[-_]?)?to|from|rcpt(?:[-_ ]?to)?|recipient|sender|mail[-_ ]?from)\\?["']?\s*[=:]\s*\\?["']?<?$/i;
  // An SSH algorithm or extension name (RFC 4251 §6: `name@domain` for a locally defined one):
  // `ssh-ed25519-cert-v01@openssh.com`, `chacha20-poly1305@openssh.com`, `curve25519-sha256@libssh.org`.
  const sshAlgorithm = /^(?:openssh\.com|libssh\.org)$/i;
  // A VERP or SRS return path encodes the recipient before its own `=` (`bounce+5f2a-ana=shop.example@mg.example`,
  // `SRS0=HHH=TT=shop.example=ana@fwd.example`): the address starts at the tag, not after the last `=`.
  const returnPathLead = /(?:^|["'<(\s,:;])((?:[A-Za-z0-9._-]+\+|SRS[01][=+])[A-Za-z0-9._=+-]*=)$/;
  // (After the TLD, a `:` and a path is an scp remote, `git@github.com:acme/web.git`; a `:` and an IPv4, a password
  // after curl's `-u`, or UN/EDIFACT's means code `:EM'` (electronic mail, `COM+ana@x.example:EM'`) is not.)
  // A URL-encoded separator (`=`, space, `:`, `,`, `&`, quotes) inside the local part ends whatever came before it:
  // `jql=assignee%3Dkaveh%40example.org` holds the address `kaveh%40example.org`.
  const encodedSeparator = /^.*%(?:3[DdAaCc]|2[0Cc267])/;
  // …except an encoded apostrophe after one letter, which is a name's (`o%27brien%40example.ie`, as `o'brien@`).
  const encodedApostrophe = /^[A-Za-z]%27(?=[A-Za-z])/;
  const edifactSegment = /^(?:.*')?COM\+/;
  return {
    type: 'email',
    keywordGroups: [['@', '%40']],
    mayMatch: (text) => text.includes('@') || text.includes('%40'),
    find(text: string, out: Candidate[]): void {
      // Every match holds an '@' (or `%40`) at most 64 characters after its start, in the run of local-part characters
      // before it, so the patterns are tried only where an address can start in that run, the earliest first (a search
      // from there would also try every later position of the line when the `@` has no address): the same matches.
      // A start tried for one sign is not tried again for the next (a local part holds no sign, so a match from a start
      // uses the first sign after it: it failed then, it fails again; `%40%40…` tried ~20 starts per sign).
      let from = 0;
      let triedUpTo = 0;
      const patterns = patternsFor(text);
      const nextSign = signsOf(text);
      for (let at = nextSign(); at !== -1; at = nextSign()) {
        if (at < from) continue;
        let m: RegExpExecArray | null = null;
        const runStart = localPartRunStart(text, at);
        for (let start = Math.max(from, runStart, triedUpTo); start < at && m === null; start++) {
          if (!mayStartAt(text, start, runStart)) continue;
          for (const p of patterns) {
            p.lastIndex = start;
            m = p.exec(text);
            if (m !== null) break;
          }
        }
        if (m === null) {
          triedUpTo = at;
          continue;
        }
        from = m.index + m[0].length;
        // A shell or template variable before the `@` (`$SLURM_JOB_USER@example.edu`) is no address yet.
        // A Lemmy community is written `!name@instance` (a user `@name@instance`): a group, not a mailbox. A `!` after a
        // host name is a UUCP bang path's (`alerts!ana.r@example.com`), whose last hop is a mailbox.
        if (text[m.index - 1] === '$' || (text[m.index - 1] === '!' && !bangPathHop(text, m.index - 1))) continue;
        const before = text.slice(Math.max(0, m.index - 80), m.index);
        if (messageId.test(before) || placeholderBefore.test(before)) continue;
        const sign = m[0].search(/@|%40/);
        const localPart = m[0].slice(0, sign);
        const domain = m[0].slice(sign + (m[0][sign] === '@' ? 1 : 3));
        if (uuidLocalPart.test(localPart) && !mailboxKeyBefore.test(text.slice(Math.max(0, m.index - 40), m.index)))
          continue;
        if (sshAlgorithm.test(domain) && /[-\d]/.test(localPart)) continue;
        if (isRealmNotMailDomain(domain, localPart, text[m.index - 1] === '/')) continue;
        if (
          mucService.test(domain) &&
          (text[from] === '/' ||
            mucKeyBefore.test(text.slice(Math.max(0, m.index - 24), m.index)) ||
            xmppLine.test(text.slice(0, m.index)) ||
            xmppLine.test(text.slice(from)))
        )
          continue;
        if (embeddedIpv4.test(domain) || placeholderLocalPart.test(localPart) || placeholderAddress.test(m[0]))
          continue;
        if (calendarId.test(domain)) continue;
        const lastDot = domain.lastIndexOf('.');
        let end = from;
        if (isFileSuffix(domain.slice(lastDot + 1))) {
          // A file named after an address keeps the address: cut the suffix when a domain with a dot is left.
          if (!domain.slice(0, lastDot).includes('.')) continue;
          end = from - (domain.length - lastDot);
        }
        const lead = encodedSeparator.exec(localPart.replace(encodedApostrophe, 'xxxx'))?.[0].length ?? 0;
        const tag =
          text[m.index - 1] === '=' ? returnPathLead.exec(text.slice(Math.max(0, m.index - 64), m.index)) : null;
        // A field code glued to the address in a `|`-separated record (SIP2's `|BEana@…`, FIAS's `|GVana@…`).
        // UN/EDIFACT's segment tag and element separator before it, after the previous segment's `'` (`COM+ana@…:EM'`).
        const fieldCode =
          text[m.index - 1] === '|' && /^[A-Z]{2}[a-z0-9]/.test(localPart)
            ? 2
            : text.startsWith(":EM'", from)
              ? (edifactSegment.exec(localPart)?.[0].length ?? 0)
              : 0;
        const start = tag === null ? m.index + Math.max(lead, fieldCode) : m.index - (tag[1] as string).length;
        if (lead < localPart.length) out.push(candidate('email', start, end));
      }
    },
    normalize: (value) => value.replace(/%40/g, '@').toLowerCase(),
  };
}
