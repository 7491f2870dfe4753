import type { Signal } from './signal';

/** The content rules in priority order: the first match decides the category (specific shapes before generic words). */
export const signals: readonly Signal[] = [
  // Resource exhaustion and crashes: a process or host is going down.
  {
    name: 'out_of_memory',
    pattern:
      /\bout of memory\b|OutOfMemoryError|\bOOM[- ]?kill|\boom_kill|\bOOMKilled\b|Killed process \d+|cannot allocate memory|\bENOMEM\b|memory exhausted|MemoryError\b/i,
    severity: 'critical',
    category: 'availability',
    confidence: 0.9,
    reason: 'out of memory',
    raises: true,
  },
  {
    name: 'disk_full',
    pattern:
      /no space left on device|\bENOSPC\b|disk (?:is )?full|file ?system (?:is )?full|(?:disk|storage) quota exceeded|insufficient (?:disk|storage) space/i,
    severity: 'critical',
    category: 'availability',
    confidence: 0.9,
    reason: 'disk full',
    raises: true,
  },
  {
    name: 'panic',
    pattern:
      /\bkernel panic\b|^panic: |\bpanic!|\bgoroutine \d+ \[running\]|segmentation fault|\bsegfault\b|\bSIG(?:SEGV|ABRT|BUS|ILL|FPE)\b|core dumped/i,
    severity: 'critical',
    category: 'availability',
    confidence: 0.85,
    reason: 'panic or fatal signal',
    raises: true,
  },
  {
    name: 'hardware_fault',
    // Critical when nothing is stated; not raising, since machines also report checks they survived.
    pattern: /\bmachine check\b|\billegal instruction\b|\buncorrectable (?:ecc |memory )?error\b/i,
    severity: 'critical',
    category: 'availability',
    confidence: 0.7,
    reason: 'hardware fault',
  },
  {
    name: 'data_loss',
    pattern:
      /\bdata loss\b|\b(?:data|writes|messages|records|events) (?:were |was )?lost\b|\blost (?:data|writes|messages|records|events)\b|\b(?:database|index|file ?system|block|table|page|journal|wal) (?:is )?corrupt(?:ed|ion)?\b|\bcorrupt(?:ed|ion)? (?:database|index|file ?system|block|table|page|journal|wal)\b|checksum (?:mismatch|error|failed)/i,
    severity: 'critical',
    category: 'error',
    confidence: 0.8,
    reason: 'data loss or corruption',
    raises: true,
  },
  {
    name: 'killed',
    pattern: /\bkilled by signal\b|\b(?:was|got|been) killed\b|\bkilled \(signal|\bSIGKILL\b|\bterminated by signal\b/i,
    severity: 'error',
    category: 'availability',
    confidence: 0.8,
    reason: 'process killed',
    raises: true,
  },
  {
    name: 'fatal',
    pattern: /\bfatal (?:error|exception|signal)\b|\bunrecoverable (?:error|failure)\b/i,
    severity: 'critical',
    category: 'error',
    confidence: 0.8,
    reason: 'fatal error',
    raises: true,
  },
  {
    name: 'crash',
    pattern:
      /\bcrash(?:ed|es|ing)?\b|terminated unexpectedly|died unexpectedly|exited with (?:exit )?(?:code|status) [1-9]|non-zero exit|\bCrashLoopBackOff\b/i,
    severity: 'error',
    category: 'availability',
    confidence: 0.8,
    reason: 'process crashed',
  },
  // Security: intrusion signs, then authentication and authorisation failures.
  {
    name: 'intrusion',
    pattern:
      /POSSIBLE BREAK-?IN ATTEMPT|\bintrusion\b|brute[- ]?force|\bmalware\b|sql injection|\bxss\b|blocked by (?:firewall|waf)/i,
    severity: 'error',
    category: 'security',
    confidence: 0.85,
    reason: 'intrusion attempt',
  },
  {
    name: 'auth_failure',
    pattern:
      /authentication fail|auth(?:entication)? failed|\bauth fail\b|failed password|invalid user|illegal user|failed (?:login|logon)|log[io]n (?:failed|failure|incorrect)|invalid (?:credentials|password|token|api key)|(?:bad|incorrect|wrong) password|\bunauthori[sz]ed\b|too many authentication failures|\buser unknown\b/i,
    severity: 'warning',
    category: 'security',
    confidence: 0.85,
    reason: 'authentication failure',
  },
  {
    name: 'access_denied',
    pattern:
      /permission denied|access (?:is )?denied|not permitted|\bforbidden\b|\bEACCES\b|\bEPERM\b|insufficient (?:privileges|permissions)|not authori[sz]ed/i,
    // The requested operation failed (unlike a mistyped password, which the user retries).
    severity: 'error',
    category: 'security',
    confidence: 0.8,
    reason: 'access denied',
  },
  {
    name: 'tls_failure',
    pattern:
      /certificate (?:has )?(?:expired|is not valid|verify failed|invalid)|(?:ssl|tls) handshake (?:failed|error)|x509: |self[- ]signed certificate/i,
    severity: 'error',
    category: 'security',
    confidence: 0.8,
    reason: 'TLS or certificate failure',
  },
  // Configuration problems come before generic errors: "invalid config" is an error about configuration.
  {
    name: 'config_error',
    pattern:
      /(?:invalid|bad|malformed|unknown) (?:config(?:uration)?|setting|option|directive|parameter)|config(?:uration)? (?:error|invalid|is invalid|not found|missing|file (?:not found|missing))|missing (?:required )?(?:config(?:uration)?|key|field|setting|option|parameter|property|environment variable)|(?:parse|syntax) error\b.{0,80}\bconf|conf\w*\b.{0,80}(?:parse|syntax) error|failed to (?:load|parse|read) (?:the )?config/i,
    severity: 'error',
    category: 'configuration',
    confidence: 0.8,
    reason: 'configuration error',
  },
  {
    name: 'deprecated',
    pattern: /\bdeprecat(?:ed|ion)\b/i,
    // A notice for whoever maintains the configuration, not an operational problem.
    severity: 'info',
    category: 'configuration',
    confidence: 0.7,
    reason: 'deprecated usage',
  },
  // Corrected or recovered faults: the system handled it, someone may want to know.
  {
    name: 'recovered',
    pattern:
      /\b(?:detected and corrected|error corrected|corrected|recovered|auto-?recovered|succeeded after \d+ (?:attempts|retries))\b/i,
    severity: 'warning',
    category: 'error',
    confidence: 0.6,
    reason: 'fault corrected or recovered',
  },
  // Dependencies and connectivity.
  {
    name: 'timeout',
    pattern:
      /\btimed out\b|\btime-?out (?:exceeded|expired|occurred|error|after|while|waiting|of \S+ exceeded)|\b(?:read|write|connect|connection|request|socket|operation|gateway|lock|query|response) time-?out\b|deadline exceeded|\bETIMEDOUT\b|took too long/i,
    severity: 'warning',
    category: 'performance',
    confidence: 0.75,
    reason: 'timeout',
  },
  // A dropped connection is usually transient (the peer reconnects); one that cannot be made is a failing dependency.
  {
    name: 'connection_lost',
    pattern:
      /connection reset|\bECONNRESET\b|broken pipe|\bEPIPE\b|connection (?:closed|aborted|broken|lost|dropped)(?! normally)|lost connection|disconnected unexpectedly/i,
    severity: 'warning',
    category: 'availability',
    confidence: 0.7,
    reason: 'connection dropped',
  },
  {
    name: 'connection_failure',
    pattern:
      /connection refused|\bECONNREFUSED\b|(?:could not|cannot|can't|unable to|failed to) (?:connect|open (?:channel|connection|socket)|reach|resolve)|no route to host|\bEHOSTUNREACH\b|\bunreachable\b|name or service not known|\bENOTFOUND\b/i,
    severity: 'error',
    category: 'availability',
    confidence: 0.75,
    reason: 'connection failure',
  },
  {
    name: 'unavailable',
    pattern:
      /service unavailable|\bis (?:down|unavailable|not responding)\b|went down|not responding|\bunavailable\b|\bdegraded\b|\bfailover\b|lost (?:quorum|leader)|(?:node|host|server|broker|replica|leader) (?:failed|lost|down)|mount failed/i,
    severity: 'error',
    category: 'availability',
    confidence: 0.7,
    reason: 'service unavailable',
  },
  // Pressure and limits.
  {
    name: 'throttled',
    pattern:
      /rate[- ]?limit(?:ed|ing)?|\bthrottl(?:ed|ing)\b|too many requests|quota exceeded|back-?pressure|queue (?:is )?full/i,
    severity: 'warning',
    category: 'performance',
    confidence: 0.75,
    reason: 'throttled or rate limited',
  },
  {
    name: 'resource_pressure',
    pattern:
      /high (?:cpu|memory|load|latency|disk usage)|(?:cpu|memory|disk|heap) usage (?:is )?(?:at|above|over|exceeds?)|gc overhead|long gc pause|slow (?:query|request|response|operation)|threshold exceeded|\bover(?:heat|heating|temperature)\b|temperature (?:high|critical|above)/i,
    severity: 'warning',
    category: 'performance',
    confidence: 0.7,
    reason: 'resource pressure',
  },
  // Exceptions and stack traces, then generic failure words.
  {
    name: 'stack_trace',
    pattern:
      /^\s*at [\w$.<>/]+\([\w$. ]+(?::\d+)?\)|Traceback \(most recent call last\)|^\s*File "[^"]+", line \d+|^Caused by: |\bgoroutine \d+ \[/m,
    severity: 'error',
    category: 'error',
    confidence: 0.85,
    reason: 'stack trace',
  },
  {
    name: 'unhandled_exception',
    pattern: /\b(?:uncaught|unhandled|unexpected)\b.{0,40}\b(?:exception|error)|\b(?:uncaught|unhandled)\b/i,
    severity: 'error',
    category: 'error',
    confidence: 0.75,
    reason: 'unhandled exception',
  },
  {
    name: 'exception',
    // A one-line mention of an exception is mostly one the code caught and carried on from; a crash shows a trace.
    pattern: /\b[A-Z]\w*(?:Exception|Error)\b(?!\s*(?:=|:)\s*(?:null|none|0)\b)|\bexception\b|\bthrew\b/i,
    severity: 'warning',
    category: 'error',
    confidence: 0.6,
    reason: 'exception',
  },
  {
    name: 'failure',
    // Not case-insensitive: an uppercase "ERROR" is a stated level, read by level.ts, not a description of a failure.
    pattern:
      /\b[Ff]ail(?:ed|ure|s|ing)?\b|\bFAIL(?:ED|URE|S)?\b|\b[Ee]rrors?\b|\b[Uu]nable to\b|\b[Cc]an(?:not|'t)\b|\b[Cc]ould(?: not|n't)\b|\b[Aa]bort(?:ed|ing)?\b|\b[Cc]orrupt(?:ed|ion)?\b|\b[Ii]nvalid\b/,
    severity: 'error',
    category: 'error',
    confidence: 0.55,
    reason: 'failure or error words',
  },
  {
    name: 'interrupted',
    pattern: /\binterrupt(?:ed|ing)\b|InterruptedException|\bgiving up\b/i,
    severity: 'warning',
    category: 'error',
    confidence: 0.55,
    reason: 'interrupted work',
  },
  {
    name: 'retry',
    pattern: /\bretry(?:ing)?\b|\bretrie[sd]\b|will retry|\bre-?trying\b/i,
    severity: 'warning',
    category: 'availability',
    confidence: 0.55,
    reason: 'retrying',
  },
  // Who did what: successful logins, account and privilege changes.
  {
    name: 'audit',
    pattern:
      /\baccepted (?:password|publickey|keyboard-interactive)|\bsession opened\b|\bsession closed\b|\blogged (?:in|out)\b|\blog(?:in|on) succe|successful(?:ly)? (?:login|logon|authenticated|logged)|\bsudo(?:\[\d+\])?:|\buser \S+ (?:created|deleted|added|removed|modified|locked|unlocked)|(?:new|add|delete|remove) user\b|\brole \S+ (?:granted|revoked|assigned|changed)|\brole (?:changed|granted|revoked|assigned)|\bpassword (?:changed|reset)\b|\bprivileges? (?:granted|revoked|escalat)/i,
    severity: 'info',
    category: 'audit',
    confidence: 0.8,
    reason: 'audit event',
  },
  // Routine chatter that nobody searches for.
  {
    name: 'health_check',
    pattern:
      /health[- ]?check|\/(?:healthz|readyz|livez|health|ping)\b|\bheart-?beat\b|\bkeep-?alive\b|\bstill alive\b|\bping(?:ed)?\b|\bpong\b/i,
    severity: 'debug',
    category: 'noise',
    confidence: 0.8,
    reason: 'health check or heartbeat',
  },
  {
    name: 'config_change',
    pattern:
      /\bconfig(?:uration)? (?:re)?loaded\b|\bconfig(?:uration)? (?:changed|updated)\b|\breloading config|\b\w+ set to \S+/i,
    severity: 'info',
    category: 'configuration',
    confidence: 0.6,
    reason: 'configuration change',
  },
  {
    name: 'lifecycle',
    pattern:
      /\b(?:starting|started|stopping|stopped|shutting down|shut ?down|restart(?:ed|ing)?|initiali[sz](?:ed|ing)|terminat(?:ed|ing)|listening on|ready to accept)\b/i,
    severity: 'info',
    category: 'availability',
    confidence: 0.55,
    reason: 'start, stop or restart',
  },
];
