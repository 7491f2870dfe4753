// The BLIND part of the corpus: written before any detector change of issue 11 and scored once, at the end.
// Do not tune detectors on these lines; add new lines to templates.js instead.
const { pii, line } = require('./line');

module.exports = [
  // --- web servers
  (v) =>
    line`${pii('ipv4', v.ipv4())} - ${pii('email', v.email())} [12/Mar/2025:10:02:11 +0000] "GET /account?tab=orders HTTP/1.1" 200 5123 "-" "Mozilla/5.0"`,
  (v) =>
    line`${pii('ipv4', v.ipv4())} - - [12/Mar/2025:10:02:12 +0000] "POST /api/v2/hooks?access_token=${pii('secret_kv', v.base62(32))} HTTP/2.0" 401 88 "-" "curl/8.5.0"`,
  (v) =>
    line`[Wed Mar 12 10:02:13.551 2025] [auth_basic:error] [pid 2231] [client ${pii('ipv4', v.ipv4())}:51802] AH01618: user ${pii('user', v.user())} not found: /admin`,
  (v) =>
    line`${pii('ipv6', v.ipv6())} - - [12/Mar/2025:10:04:00 +0100] "GET /static/app.3f9a1c.js HTTP/1.1" 304 0 "https://shop.example.com/" "Safari/17.2"`,
  (v) =>
    line`2025/03/12 10:05:00 [warn] 811#811: *1407 upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${pii('ipv4', v.ipv4())}, server: api.example.com, request: "GET /v1/users HTTP/1.1"`,
  (v) =>
    line`level=info msg="request" method=GET path="/oauth/callback?code=abc&email=${pii('email', encodeURIComponent(v.email()))}" status=302`,
  // --- syslog / auth
  (v) =>
    line`Mar 12 10:06:01 bastion sshd[4410]: Invalid user ${pii('user', v.user())} from ${pii('ipv4', v.ipv4())} port ${v.r.int(1024, 65000)}`,
  (v) =>
    line`Mar 12 10:06:02 bastion sshd[4411]: pam_unix(sshd:session): session opened for user ${pii('user', v.user())}(uid=1001) by (uid=0)`,
  (v) =>
    line`Mar 12 10:06:04 mx1 postfix/smtpd[9921]: NOQUEUE: reject: RCPT from ${pii('hostname', v.ipHost())}[${pii('ipv4', v.ipv4())}]: 554 5.7.1 <${pii('email', v.email())}>: Relay access denied`,
  (v) =>
    line`Mar 12 10:06:05 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=${pii('mac', v.mac(':'))}:${pii('mac', v.mac(':').toLowerCase())}:08:00 SRC=${pii('ipv4', v.ipv4())} DST=${pii('ipv4', v.ipv4())} LEN=60 PROTO=TCP SPT=44321 DPT=23`,
  (v) =>
    line`<38>1 2025-03-12T10:06:06.003Z vpn01 openvpn 1211 - - peer ${pii('ipv4', v.ipv4())}:1194 TLS: Username/Password authentication succeeded for username '${pii('user', v.user())}'`,
  (v) =>
    line`Mar 12 10:06:07 nas smbd[2201]:   check_ntlm_password:  Authentication for user [${pii('user', v.user())}] -> [${pii('user', v.user())}] FAILED with error NT_STATUS_WRONG_PASSWORD`,
  (v) =>
    line`Mar 12 10:06:08 web3 sudo:   ${pii('user', v.user())} : TTY=pts/0 ; PWD=${pii('home_dir', v.home().replace(/^[A-Z]:.*/, '/home/ops'))}/deploy ; USER=${pii('user', 'root')} ; COMMAND=/usr/bin/systemctl restart nginx`,
  (v) =>
    line`Mar 12 10:06:09 ci-runner dhclient[601]: DHCPACK of ${pii('ipv4', v.ipv4())} from ${pii('ipv4', v.ipv4())} (xid=0x5a3c91f2)`,
  // --- JSON application logs
  (v) =>
    line`{"ts":"2025-03-12T10:07:00Z","level":"error","msg":"payment declined","customer":{"email":"${pii('email', v.email())}","phone":"${pii('phone', v.phone())}"},"card_last4":"4242"}`,
  (v) =>
    line`{"level":"debug","logger":"billing.sync","message":"charging card ${pii('credit_card', v.card())} for order ORD-${v.digits(8)}"}`,
  (v) =>
    line`{"@timestamp":"2025-03-12T10:07:02.112Z","log.level":"WARN","message":"refund to ${pii('iban', v.iban())} queued","trace.id":"${v.hex(32)}"}`,
  (v) =>
    line`{"level":30,"time":1741773600000,"pid":4211,"hostname":"api-7d9f","req":{"method":"POST","url":"/login","headers":{"cookie":"_csrf=x1; sessionid=${pii('secret_kv', v.base62(32))}"}},"msg":"incoming request"}`,
  (v) =>
    line`{"severity":"INFO","httpRequest":{"remoteIp":"${pii('ipv4', v.ipv4())}","requestUrl":"https://api.example.com/v1/keys?key=${pii('token', v.google())}"},"logName":"projects/demo/logs/requests"}`,
  (v) =>
    line`{"event":"user.updated","actor":"${pii('email', v.email())}","changes":{"ssn":"${pii('us_ssn', v.ssn())}"},"request_id":"${v.uuid()}"}`,
  (v) =>
    line`{"msg":"config loaded","env":{"HOME":"${pii('home_dir', '/home/' + v.user())}","SHELL":"/bin/bash","SLACK_BOT_TOKEN":"${pii('token', v.slack())}"}}`,
  // --- traces
  (v) =>
    line`java.sql.SQLException: Access denied for user '${pii('user', v.user())}'@'${pii('ipv4', v.ipv4())}' (using password: YES)`,
  (v) => line`  File "${pii('home_dir', '/home/' + v.user())}/src/etl/load.py", line 88, in connect`,
  (v) => line`    at Object.<anonymous> (${pii('home_dir', '/Users/' + v.name())}/code/api/server.js:41:13)`,
  (v) =>
    line`Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${pii('user', v.user())}"`,
  (v) =>
    line`Traceback: requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://hooks.slack.com/services/${pii('token', v.slackWebhookPath())}`,
  (v) =>
    line`Error: connect ECONNREFUSED ${pii('ipv4', v.ipv4())}:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)`,
  // --- Kubernetes
  (v) =>
    line`Warning  Failed     3m12s  kubelet  Failed to pull image "registry.example.com/app:1.4.2": unauthorized: authentication required (user ${pii('user', v.user())})`,
  (v) =>
    line`E0312 10:08:00.000123    1 reflector.go:147] failed to list *v1.Secret: Get "https://${pii('ipv4', v.ipv4())}:6443/api/v1/secrets": x509: certificate signed by unknown authority`,
  (v) => line`kubectl create secret generic stripe --from-literal=STRIPE_KEY=${pii('token', v.stripe())} -n payments`,
  (v) =>
    line`I0312 10:08:02.552 2201 event.go:294] "Event occurred" object="prod/api-6c9" reason="Scheduled" message="Successfully assigned prod/api-6c9 to ${pii('hostname', v.ipHost())}"`,
  // --- SQL
  (v) =>
    line`2025-03-12 10:09:00 UTC [3312]: [3-1] user=${pii('user', v.user())},db=shop,app=psql,client=${pii('ipv4', v.ipv4())} LOG:  statement: CREATE ROLE ${pii('user', 'reporting')} WITH LOGIN PASSWORD '${pii('secret_kv', v.password())}';`,
  (v) =>
    line`2025-03-12T10:09:01.120Z 44 Query	CREATE USER '${pii('user', 'etl')}'@'%' IDENTIFIED BY '${pii('secret_kv', v.password())}'`,
  (v) => line`ERROR 1045 (28000): Access denied for user '${pii('user', v.user())}'@'localhost' (using password: NO)`,
  (v) =>
    line`LOG:  duration: 2.112 ms  execute <unnamed>: SELECT * FROM users WHERE email = '${pii('email', v.email())}' AND phone = '${pii('phone', v.phone())}'`,
  // --- CI output and shell history
  (v) => line`+ docker login -u ${pii('user', 'ci-bot')} -p ${pii('token', v.docker())} registry.example.com`,
  (v) => line`$ echo "${pii('token', v.github())}" | gh auth login --with-token`,
  (v) => line`Run npm config set //registry.npmjs.org/:_authToken ${pii('token', v.npm())}`,
  (v) =>
    line`  mysql -h db.internal -P 3306 -u ${pii('user', v.user())} -p${pii('secret_kv', v.password().replace(/[!#%]/g, 'x'))} shop < dump.sql`,
  (v) => line`redis-cli -h cache.internal -a ${pii('secret_kv', v.password().replace(/[!#%]/g, 'z'))} PING`,
  (v) => line`  twine upload --repository pypi --password ${pii('token', v.pypi())} dist/*`,
  (v) => line`git clone https://${pii('url_credentials', `oauth2:${v.gitlab()}`)}@gitlab.example.com/group/app.git`,
  (v) => line`export OPENAI_API_KEY=${pii('token', v.openai())}`,
  (v) => line`HF_TOKEN=${pii('token', v.huggingface())} python train.py --epochs 3`,
  (v) => line`curl -s -H "X-API-Key: ${pii('secret_kv', v.base62(36))}" https://api.example.com/v1/status`,
  (v) =>
    line`curl -u ${pii('user', v.user())}:${pii('secret_kv', v.password().replace(/[!#%]/g, 'q'))} https://nexus.example.com/repository/raw/`,
  (v) => line`stripe listen --api-key ${pii('token', v.stripe())} --forward-to localhost:4242/webhook`,
  (v) => line`Setting secret XAI_API_KEY to ${pii('token', v.xai())}`,
  // --- cloud SDK debug
  (v) =>
    line`DEBUG botocore.endpoint: Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sts.amazonaws.com/, headers={'Authorization': b'AWS4-HMAC-SHA256 Credential=${pii('aws_access_key', v.awsAccessKey())}/20250312/us-east-1/sts/aws4_request'}>`,
  (v) =>
    line`[default]\\naws_access_key_id = ${pii('aws_access_key', v.awsAccessKey())}\\naws_secret_access_key = ${pii('aws_secret_key', v.awsSecretKey())}`,
  (v) =>
    line`azure.storage.blob: connection_string="DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${pii('token', v.azureKey())};EndpointSuffix=core.windows.net"`,
  (v) =>
    line`GET https://acmelogs.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-13T00:00:00Z&spr=https&sig=${pii('token', v.azureSig())} 403`,
  (v) => line`google.auth: refreshing token for ${pii('email', v.email())} via https://oauth2.googleapis.com/token`,
  (v) => line`sendgrid: POST /v3/mail/send failed using key ${pii('token', v.sendgrid())}: 401 Unauthorized`,
  (v) => line`twilio.rest: API key ${pii('token', v.twilio())} rejected sending SMS to ${pii('phone', v.phone())}`,
  (v) =>
    line`datadog-agent | CORE | INFO | api_key: ${pii('token', v.datadog())} validated against https://api.datadoghq.eu`,
  // --- config dumps
  (v) =>
    line`<datasource><url>jdbc:mysql://db:3306/shop</url><username>${pii('user', v.user())}</username><password>${pii('secret_kv', v.password())}</password></datasource>`,
  (v) => line`<add key="SmtpPassword" value="${pii('secret_kv', v.password())}" />`,
  (v) => line`machine api.example.com login ${pii('user', v.user())} password ${pii('secret_kv', v.password())}`,
  (v) => line`spring.mail.password: ${pii('secret_kv', v.password())}`,
  (v) => line`  smtp.login("${pii('email', v.email())}", "${pii('secret_kv', v.password())}")`,
  (v) => line`age recipients ready; identity file contains ${pii('private_key', v.age())}`,
  (v) => line`${pii('private_key', v.privateKey('PGP PRIVATE KEY BLOCK'))}`,
  (v) =>
    line`vpn.conf: remote ${pii('ipv4', v.ipv4())} 1194 udp; auth-user-pass; ca ${pii('home_dir', '/home/' + v.user())}/.vpn/ca.crt`,
  (v) =>
    line`HTTP/1.1 200 OK\\r\\nset-cookie: __Host-auth=${pii('secret_kv', v.base64(40).replace(/[+/]/g, 'k'))}; Path=/; Secure; HttpOnly; SameSite=Lax`,
  (v) => line`> GET /v1/me HTTP/2\\r\\n> AUTHORIZATION: Bearer ${pii('jwt', v.jwt())}\\r\\n> accept: */*`,
  (v) =>
    line`call-center: callback requested by caller at tel:${pii('phone', v.r.pick([`+1-${v.r.int(201, 989)}-555-${v.digits(4)}`, `+44-20-7946-${v.digits(4)}`, `+49${v.digits(10)}`]))} (ticket 88121)`,
  (v) => line`mailer: bounced message for ${pii('email', v.email())} (smtp 550 5.1.1 mailbox unavailable)`,
  (v) =>
    line`proxy: CONNECT ${pii('hostname', v.ipHost())}:443 from ${pii('ipv4', v.ipv4())} user=${pii('user', v.user())} bytes=18223`,
  (v) =>
    line`auditd: type=USER_LOGIN msg=audit(1741773600.211:882): pid=3311 uid=0 auid=1000 ses=4 msg='op=login acct="${pii('user', v.user())}" exe="/usr/sbin/sshd" hostname=? addr=${pii('ipv4', v.ipv4())} terminal=ssh res=failed'`,
  (v) => line`ldap: bind failed for uid=${pii('user', v.user())},ou=people,dc=example,dc=com: invalid credentials`,
  (v) =>
    line`NetworkManager: <info> device (wlp2s0): DHCPv4 address ${pii('ipv4', v.ipv4())}/24, gateway ${pii('ipv4', v.ipv4())} hw ${pii('mac', v.mac(':'))}`,

  (v) => line`WARN  [jwt-filter] rejected ${pii('jwt', v.jwt())} for /api/orders: audience mismatch`,
  (v) =>
    line`2025-03-12 10:12:01,553 INFO  [SupportTicketService] ticket #${v.r.int(1000, 9999)} opened by ${pii('email', v.email())}, callback ${pii('phone', v.phone())}, ipv6 ${pii('ipv6', v.ipv6())}`,
  (v) =>
    line`PaymentGateway.authorize(pan=${pii('credit_card', v.card())}, amount=49.00, iban=${pii('iban', v.iban())})`,
  (v) =>
    line`HR export row 88: ssn ${pii('us_ssn', v.ssn())}, phone ${pii('phone', v.phone())}, mail ${pii('email', v.email())}`,

  // --- near misses: nothing here is PII or a secret
  (v) =>
    line`{"level":"info","msg":"token refresh scheduled","expires_in":3600,"token_type":"Bearer","trace_id":"${v.hex(32)}"}`,
  () => line`2025-03-12T10:10:00Z WARN failed to fetch oauth token: connection reset by peer (attempt 3/5)`,
  (v) =>
    line`Warning  FailedMount  2m  kubelet  MountVolume.SetUp failed for volume "creds" : secret "${v.r.pick(['db-password', 'api-token', 'smtp-secret'])}" not found`,
  (v) =>
    line`test summary: pass=${v.r.int(1, 400)} fail=${v.r.int(0, 9)} skip=${v.r.int(0, 20)} duration=${v.r.int(1, 99)}s`,
  (v) => line`remote: origin git@github.com:${v.user()}/${v.r.pick(['web', 'infra', 'api'])}.git (fetch)`,
  (v) =>
    line`usb 1-1.2: new high-speed USB device, hw rev ${v.r.int(1, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}, driver ehci`,
  (v) => line`server listening on 127.0.0.1:${v.r.int(3000, 9999)} and 0.0.0.0:${v.r.int(3000, 9999)}`,
  (v) => line`dhcp: DISCOVER broadcast to ff:ff:ff:ff:ff:ff on eth${v.r.int(0, 3)} (xid=0x${v.hex(8)})`,
  (v) =>
    line`deploy: image sha256:${v.hex(64)} pushed as registry.example.com/app:${v.r.int(1, 9)}.${v.r.int(0, 20)}.${v.r.int(0, 40)}`,
  (v) => line`commit ${v.hex(40)} Merge pull request #${v.r.int(100, 9999)} from acme/fix-login`,
  (v) =>
    line`{"span_id":"${v.hex(16)}","trace_id":"${v.hex(32)}","name":"GET /v1/orders","duration_ms":${v.r.int(1, 900)}}`,
  (v) => line`request ${v.uuid()} completed in ${v.r.int(1, 999)}ms status=200 bytes=${v.r.int(100, 99999)}`,
  () => line`password policy updated: min_length=12, require_symbols=true, max_age_days=90`,
  (v) => line`env: PWD=/workspace/build OLDPWD=/workspace SHLVL=${v.r.int(1, 3)} TERM=xterm`,
  () => line`Please enter your password: ******** (input hidden)`,
  (v) => line`api key rotation job finished: rotated=${v.r.int(0, 40)} failed=0 next_run=2025-03-13T00:00:00Z`,
  (v) => line`invalid token: signature has expired (exp=${1741000000 + v.r.int(0, 900000)})`,
  (v) =>
    line`order ${v.digits(10)} shipped, tracking 1Z${v.base62(16).toUpperCase()} weight=${v.r.int(1, 30)}.${v.r.int(0, 9)}kg`,
  (v) =>
    line`java.version=17.0.${v.r.int(1, 12)} os.version=5.15.0-${v.r.int(50, 120)}-generic build 10.0.19045.${v.r.int(1000, 4000)}`,
  (v) => line`ISBN 978-${v.r.int(0, 1)}-${v.digits(3)}-${v.digits(5)}-${v.r.int(0, 9)} added to cart; price 19.99 EUR`,
  (v) =>
    line`cache hit ratio 0.${v.digits(3)} over ${v.r.int(1000, 99999)} lookups at 2025-03-12 10:11:${String(v.r.int(0, 59)).padStart(2, '0')}`,
  (v) =>
    line`user agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/122.0.${v.r.int(1000, 6000)}.${v.r.int(10, 200)} Safari/537.36`,
  (v) => line`session expired after ${v.r.int(5, 60)} minutes of inactivity; redirecting to /login`,
  () => line`GITHUB_TOKEN=\${{ secrets.GITHUB_TOKEN }} is masked in this step`,
  (v) => line`docker run -p ${v.r.int(3000, 9000)}:80 -e NODE_ENV=production nginx:1.25`,
  (v) => line`ssh -p ${v.r.int(2200, 2299)} deploy-host uptime`,
  (v) =>
    line`kubelet: node ${v.r.pick(['worker', 'gpu', 'infra'])}-${v.r.int(1, 9)} memory pressure cleared, evicted=${v.r.int(0, 4)}`,
  (v) => line`lsblk: sda ${v.r.int(100, 999)}G disk, sda1 512M part /boot/efi, uuid ${v.uuid()}`,
  (v) =>
    line`secret rotation: secretName=${v.r.pick(['db-password', 'api-token'])} version=${v.r.int(2, 40)} status=Succeeded`,
  () => line`npm WARN deprecated request@2.88.2: request has been deprecated; lodash@4.17.21 ok`,
  (v) => line`token_count=${v.r.int(10, 4000)} prompt_tokens=${v.r.int(10, 900)} model=gpt-4o-mini`,
  (v) => line`public key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${v.base62(43)} ${pii('user', 'deploy')}@ci`,
  (v) => line`lease renewed for interface eth0, next in ${v.r.int(100, 9000)}s (DHCP server on link-local)`,
];
