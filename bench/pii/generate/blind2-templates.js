// The SECOND blind part (corpus-blind2.jsonl): written after the first blind part had been scored once and before the
// fixes that score prompted, so it measures those fixes on lines nobody tuned on. Score it once; never tune on it.
const { pii, line } = require('./line');

module.exports = [
  // Windows / .NET / PowerShell
  (v) =>
    line`An account failed to log on. Subject: Security ID: S-1-0-0 Account Name: ${pii('user', v.user())} Source Network Address: ${pii('ipv4', v.ipv4())} Source Port: 0`,
  (v) =>
    line`fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection to database 'shop' on server 'tcp:sql.internal,1433'. Connection: Server=sql.internal;User Id=${pii('user', v.user())};Password=${pii('secret_kv', v.password().replace(/;/g, 'x'))};`,
  (v) =>
    line`PS ${pii('home_dir', 'C:\\Users\\' + v.name())}\\scripts> Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant ${v.uuid()}`,
  // Rails / PHP / Go
  (v) =>
    line`Started POST "/users/sign_in" for ${pii('ipv4', v.ipv4())} at 2025-04-09 11:02:03 +0000 Parameters: {"user"=>{"email"=>"${pii('email', v.email())}", "password"=>"[FILTERED]"}}`,
  (v) =>
    line`PHP Warning:  mysqli::__construct(): (HY000/1045): Access denied for user '${pii('user', v.user())}'@'${pii('ipv4', v.ipv4())}' (using password: YES) in /var/www/html/db.php on line 4`,
  (v) =>
    line`{"level":"error","ts":1744196523.88,"caller":"auth/handler.go:88","msg":"token exchange failed","client_ip":"${pii('ipv4', v.ipv4())}","refresh_token":"${pii('secret_kv', v.base62(40))}"}`,
  (v) => line`panic: dial tcp [${pii('ipv6', v.ipv6())}]:5432: connect: connection refused`,
  // proxies / load balancers
  (v) =>
    line`[2025-04-09T11:02:04.000Z] "GET /v1/me HTTP/1.1" 200 - 0 512 12 11 "${pii('ipv4', v.ipv4())}" "okhttp/4.12" "${v.uuid()}" "api.example.com" "${pii('ipv4', v.ipv4())}:8080"`,
  (v) =>
    line`haproxy[812]: ${pii('ipv4', v.ipv4())}:51022 [09/Apr/2025:11:02:05.120] fe_https~ be_api/api2 0/0/1/12/13 200 845 - - ---- 12/12/0/0/0 0/0 "GET /api/profile?apikey=${pii('secret_kv', v.base62(32))} HTTP/1.1"`,
  (v) =>
    line`cloudflare: {"ClientIP":"${pii('ipv6', v.ipv6())}","ClientRequestURI":"/reset?email=${pii('email', encodeURIComponent(v.email()))}","EdgeResponseStatus":302}`,
  // databases and queues
  (v) =>
    line`{"t":{"$date":"2025-04-09T11:02:06.000Z"},"s":"I","c":"ACCESS","msg":"Authentication failed","attr":{"user":"${pii('user', v.user())}","db":"admin","remote":"${pii('ipv4', v.ipv4())}:40112","error":"AuthenticationFailed"}}`,
  (v) =>
    line`2025-04-09 11:02:07.311 UTC,"${pii('user', v.user())}","shop",4411,"${pii('ipv4', v.ipv4())}:50122",65f1,3,"authentication",2025-04-09 11:02:07 UTC,,0,FATAL,28P01,"password authentication failed for user ""${pii('user', v.user())}""",,,,,,,,,""`,
  (v) =>
    line`kafka: [2025-04-09 11:02:08,001] INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /${pii('ipv4', v.ipv4())} (SASL/PLAIN username ${pii('user', v.user())})`,
  (v) =>
    line`redis: 1:M 09 Apr 2025 11:02:09.000 # CONFIG SET requirepass ${pii('secret_kv', v.password().replace(/\s/g, ''))} by client ${pii('ipv4', v.ipv4())}:6000`,
  // CI / IaC
  (v) =>
    line`##[command]git clone https://${pii('url_credentials', `x-access-token:${v.github('ghs')}`)}@github.com/acme/infra.git`,
  (v) =>
    line`TASK [deploy : template env] *** changed: [${pii('hostname', v.ipHost())}] => {"dest": "/etc/app.env", "api_token": "${pii('secret_kv', v.base62(28))}"}`,
  (v) =>
    line`  # aws_db_instance.main will be updated in-place ~ password = (sensitive value) ~ username = "${pii('user', v.user())}"`,
  (v) =>
    line`Step 4/9 : RUN pip install --index-url https://${pii('url_credentials', `__token__:${v.pypi()}`)}@pypi.example.com/simple app`,
  (v) =>
    line`[Pipeline] sh + curl -sf -H "PRIVATE-TOKEN: ${pii('token', v.gitlab())}" https://gitlab.example.com/api/v4/projects`,
  (v) =>
    line`vault: {"type":"response","auth":{"display_name":"userpass-${pii('user', v.user())}","policies":["default"]},"request":{"remote_address":"${pii('ipv4', v.ipv4())}","path":"auth/userpass/login/${pii('user', v.user())}"}}`,
  (v) =>
    line`okta: {"eventType":"user.session.start","actor":{"alternateId":"${pii('email', v.email())}"},"client":{"ipAddress":"${pii('ipv4', v.ipv4())}"},"outcome":{"result":"FAILURE"}}`,
  (v) =>
    line`gcloud: Updated property [core/account] to [${pii('email', v.email())}]; token cached in ${pii('home_dir', '/Users/' + v.name())}/.config/gcloud`,
  (v) =>
    line`azure-cli: az storage blob upload --account-name acme --account-key ${pii('token', v.azureKey())} -f backup.tgz`,
  (v) =>
    line`docker[913]: time="2025-04-09T11:02:10Z" level=warning msg="Error getting v2 registry: Get https://registry.example.com/v2/: http: server gave HTTP response to HTTPS client" host=${pii('hostname', v.ipHost())}`,
  (v) => line`systemd[1]: Started Session 812 of User ${pii('user', v.user())}.`,
  (v) =>
    line`cron: (${pii('user', v.user())}) CMD (/usr/local/bin/backup.sh --token=${pii('secret_kv', v.base62(24))})`,
  (v) =>
    line`nomad: alloc 3f1c: env NOMAD_TOKEN=${pii('secret_kv', v.uuid())} SENTRY_DSN=https://${pii('url_credentials', `${v.hex(32)}:${v.hex(32)}`)}@sentry.example.com/4`,
  (v) =>
    line`mail: From: "Support" <${pii('email', 'support@example.com')}> To: ${pii('email', v.email())} Subject: your code is ready; Reply-To: ${pii('email', v.email())}`,
  (v) =>
    line`payment: {"pan":"${pii('credit_card', v.card())}","holder_phone":"${pii('phone', v.phone())}","iban":"${pii('iban', v.iban())}"}`,
  (v) => line`export GH_TOKEN='${pii('token', v.github())}' && gh release create v2.3.0`,
  (v) => line`npmrc: //npm.pkg.github.com/:_authToken=${pii('token', v.github('ghp'))}`,
  (v) => line`slack: posting to ${'#'}alerts with bot token ${pii('token', v.slack())} failed: invalid_auth`,
  (v) =>
    line`wpa_supplicant[811]: wlan0: CTRL-EVENT-CONNECTED - Connection to ${pii('mac', v.mac(':'))} completed [id=0 id_str=]`,
  (v) =>
    line`ssh-keygen: wrote ${pii('private_key', v.privateKey('OPENSSH PRIVATE KEY'))} to ${pii('home_dir', '/home/' + v.user())}/.ssh/id_ed25519`,

  // near misses
  (v) => line`kubelet: readiness probe on port ${v.r.int(1000, 9000)} failed after ${v.r.int(1, 9)} attempts`,
  (v) => line`Error: secret "${v.r.pick(['tls-cert', 'db-password'])}" is immutable; delete and recreate it`,
  (v) => line`warn: oauth token: refresh failed, retrying in ${v.r.int(1, 60)}s`,
  (v) => line`tests: pass=${v.r.int(100, 999)} fail=0 skip=${v.r.int(0, 9)} (pass rate 100%)`,
  (v) => line`origin	git@gitlab.example.com:platform/${v.r.pick(['api', 'web'])}.git (push)`,
  (v) =>
    line`lspci: 03:00.0 Network controller: Intel Wireless-AC 9260 (rev ${v.r.int(10, 99)}) firmware ${v.r.int(1, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}`,
  () => line`tcpdump: 00:00:00:00:00:00 > ff:ff:ff:ff:ff:ff, ethertype ARP, Request who-has gateway tell 0.0.0.0`,
  (v) => line`dns: resolved api.example.com in ${v.r.int(1, 90)}ms via 127.0.0.53`,
  (v) => line`build: version=${v.r.int(1, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 99)} commit=${v.hex(40)} dirty=false`,
  (v) => line`token bucket: capacity=${v.r.int(10, 500)} refill_rate=${v.r.int(1, 50)}/s tokens_left=${v.r.int(0, 9)}`,
  (v) => line`user-agent: kube-probe/1.29 request_id=${v.uuid()} span=${v.hex(16)}`,
  (v) => line`password change for account succeeded; next change allowed in ${v.r.int(1, 9)} days`,
  (v) =>
    line`chart ${v.r.pick(['nginx', 'redis'])}-${v.r.int(1, 20)}.${v.r.int(0, 9)}.${v.r.int(0, 9)} deployed as revision ${v.r.int(1, 40)}`,
  (v) => line`GET /api/v1/users?page=${v.r.int(1, 50)}&per_page=100 200 ${v.r.int(5, 900)}ms`,
];
