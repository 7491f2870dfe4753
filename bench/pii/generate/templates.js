// The tuning part of the generated corpus (corpus-generated.jsonl): detectors may be changed after reading these.
const { pii, line } = require('./line');

module.exports = [
  (v) =>
    line`Apr  2 03:14:07 host sshd[812]: Failed password for ${pii('user', v.user())} from ${pii('ipv4', v.ipv4())} port 51022 ssh2`,
  (v) =>
    line`Apr  2 03:14:08 host sshd[812]: Disconnected from invalid user ${pii('user', v.user())} ${pii('ipv4', v.ipv4())} port 40011 [preauth]`,
  (v) =>
    line`Apr  2 03:14:09 host CRON[3310]: pam_unix(cron:session): session closed for user ${pii('user', v.user())}`,
  (v) => line`Apr  2 03:14:10 host systemd-logind[601]: New session 41 of user ${pii('user', v.user())}.`,
  (v) =>
    line`Apr  2 03:14:11 host dovecot: imap-login: Login: user=<${pii('email', v.email())}>, method=PLAIN, rip=${pii('ipv4', v.ipv4())}, lip=${pii('ipv4', v.ipv4())}, TLS`,
  (v) =>
    line`Apr  2 03:14:12 host named[515]: client @0x7f3a ${pii('ipv4', v.ipv4())}#53211 (${pii('hostname', v.ipHost())}): query: example.com IN A +E(0)`,
  (v) =>
    line`Apr  2 03:14:13 host kernel: e1000e 0000:00:19.0 eth0: (PCI Express:2.5GT/s:Width x1) ${pii('mac', v.mac(':'))}`,
  (v) =>
    line`${pii('ipv4', v.ipv4())} - ${pii('user', v.user())} [02/Apr/2025:03:14:14 +0000] "GET /admin HTTP/1.1" 403 199`,
  (v) =>
    line`type=AVC msg=audit(1743563654.100:71): avc: denied { read } for pid=1201 comm="nginx" path="${pii('home_dir', '/home/' + v.user())}/www/index.html" scontext=system_u:system_r:httpd_t:s0`,
  (v) =>
    line`{"time":"2025-04-02T03:14:15Z","level":"INFO","msg":"signup","email":"${pii('email', v.email())}","ip":"${pii('ipv4', v.ipv4())}","ua":"okhttp/4.12.0"}`,
  (v) =>
    line`{"level":"warn","msg":"webhook failed","url":"https://hooks.slack.com/services/${pii('token', v.slackWebhookPath())}","status":404}`,
  (v) => line`{"level":"error","err":"401 from github","token":"${pii('token', v.github())}"}`,
  (v) => line`{"level":"debug","headers":{"authorization":"token ${pii('token', v.github())}","user-agent":"octokit"}}`,
  (v) =>
    line`{"level":"info","msg":"user login","user":{"name":"${pii('user', v.user())}","email":"${pii('email', v.email())}"},"mfa":true}`,
  (v) => line`{"msg":"billing address updated","phone":"${pii('phone', v.phone())}","iban":"${pii('iban', v.iban())}"}`,
  (v) =>
    line`2025-04-02 03:14:16,001 ERROR [main] c.e.Mailer - could not deliver to ${pii('email', v.email())}: 550 no such user`,
  (v) =>
    line`2025-04-02 03:14:17.221 DEBUG 1 --- [nio-8080-exec-3] o.s.s.w.FilterChainProxy : Authorization=Bearer ${pii('jwt', v.jwt())}`,
  (v) =>
    line`Exception in thread "main" java.io.FileNotFoundException: ${pii('home_dir', '/home/' + v.user())}/.m2/settings.xml (No such file or directory)`,
  (v) =>
    line`  File "${pii('home_dir', 'C:\\Users\\' + v.name())}\\AppData\\Local\\app\\main.py", line 12, in <module>`,
  (v) => line`UnhandledPromiseRejection: Error: 403 Forbidden (key ${pii('token', v.google())})`,
  (v) =>
    line`kubelet[1201]: E0402 03:14:18.9 pod_workers.go:1298] "Error syncing pod" pod="default/api" node="${pii('hostname', v.ipHost())}"`,
  (v) =>
    line`Events: Normal  Pulled  12s  kubelet  Successfully pulled image "ghcr.io/acme/api:2.3.1" in 1.2s; node ${pii('hostname', v.ipHost())}`,
  (v) => line`helm registry login ghcr.io --username ${pii('user', v.user())} --password ${pii('token', v.github())}`,
  (v) =>
    line`psql "postgresql://${pii('url_credentials', `${v.user()}:${v.password().replace(/[!#%@]/g, 'a')}`)}@db.internal:5432/app"`,
  (v) => line`ERROR:  password authentication failed for user "${pii('user', v.user())}" host=${pii('ipv4', v.ipv4())}`,
  (v) =>
    line`mysql> ALTER USER '${pii('user', 'app')}'@'%' IDENTIFIED WITH mysql_native_password BY '${pii('secret_kv', v.password())}';`,
  (v) =>
    line`mongosh "mongodb://db:27017" -u ${pii('user', v.user())} -p ${pii('secret_kv', v.password().replace(/[!#%]/g, 'm'))} --authenticationDatabase admin`,
  (v) => line`sshpass -p '${pii('secret_kv', v.password())}' scp backup.tar deploy-host:/srv/`,
  (v) => line`##[debug]Evaluating: secrets.NPM_TOKEN => ${pii('token', v.npm())}`,
  (v) => line`gitlab-runner register --url https://gitlab.example.com --token ${pii('token', v.gitlab())}`,
  (v) => line`Successfully authenticated with key ${pii('token', v.openai())}`,
  (v) => line`huggingface_hub: using token ${pii('token', v.huggingface())} from env`,
  (v) => line`DD_API_KEY=${pii('token', v.datadog())} DD_SITE=datadoghq.com ./install.sh`,
  (v) => line`SendGrid API key: ${pii('token', v.sendgrid())}`,
  (v) =>
    line`Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${pii('token', v.azureKey().slice(0, 43) + '=')}`,
  (v) => line`aws configure set aws_secret_access_key ${pii('aws_secret_key', v.awsSecretKey())}`,
  (v) => line`boto3: Found credentials in environment variables. access key ${pii('aws_access_key', v.awsAccessKey())}`,
  (v) => line`<property name="hibernate.connection.password" value="${pii('secret_kv', v.password())}"/>`,
  (v) => line`<Credentials><ApiKey>${pii('secret_kv', v.base62(32))}</ApiKey></Credentials>`,
  (v) => line`ftp.login('${pii('user', v.user())}', '${pii('secret_kv', v.password())}')`,
  (v) => line`requests.get(url, auth=("svc", "${pii('secret_kv', v.password())}"))`,
  (v) => line`Set-Cookie: SESSION=${pii('secret_kv', v.base62(40))}; Path=/; HttpOnly`,
  (v) => line`cookie: lang=en-US; remember_token=${pii('secret_kv', v.base62(48))}`,
  (v) => line`the password is ${pii('secret_kv', v.base62(14))}`,
  (v) => line`sms sent to tel:${pii('phone', `+44-20-7946-${v.digits(4)}`)} status=queued`,
  (v) => line`newsletter unsubscribe for email=${pii('email', encodeURIComponent(v.email()))}&list=weekly`,
  (v) => line`gpg: exported ${pii('private_key', v.privateKey('PGP PRIVATE KEY BLOCK'))}`,
  (v) => line`ifconfig: inet6 ${pii('ipv6', v.ipv6())} prefixlen 64 ether ${pii('mac', v.mac(':'))}`,
  (v) => line`checkout: card ${pii('credit_card', v.card())} cvv=*** exp=04/27`,
  (v) => line`W-9 received: SSN ${pii('us_ssn', v.ssn())}`,
  (v) => line`token verify failed for ${pii('jwt', v.jwt())}`,

  (v) =>
    line`{"event":"config","body":"[mysql]\\nuser=${pii('user', v.user())}\\npassword=${pii('secret_kv', v.base62(14))}\\nhost=${pii('ipv4', v.ipv4())}"}`,
  (v) =>
    line`Query: UPDATE customers SET email='${pii('email', v.email())}', updated_at=now() WHERE id=${v.r.int(1, 9999)}`,
  (v) =>
    line`<soap:Header><wsse:Username>${pii('user', v.user())}</wsse:Username><login>${pii('user', v.user())}</login></soap:Header>`,
  (v) => line`imap.login("${pii('email', v.email())}", '${pii('secret_kv', v.base62(12))}')`,
  (v) => line`headers: "x-forwarded-for: ${pii('ipv4', v.ipv4())}\\r\\nauthorization: Bearer ${pii('jwt', v.jwt())}"`,

  (v) =>
    line`appsettings: {"ConnectionStrings":{"Db":"Host=db.internal;Database=shop;User ID=${pii('user', v.user())};Password=${pii('secret_kv', v.base62(14))}"}}`,
  (v) =>
    line`Security 4624: An account was successfully logged on. New Logon: Account Name: ${pii('user', v.user())} Logon Type: 10`,
  (v) => line`ansible: [web] ansible_host=${pii('ipv4', v.ipv4())} ansible_user = ${pii('user', v.user())}`,
  (v) =>
    line`Processing by SessionsController#create as HTML Parameters: {"session"=>{"login"=>"${pii('user', v.user())}", "token"=>"[FILTERED]"}}`,
  (v) => line`redis.conf: masterauth ${pii('secret_kv', v.base62(16))}`,
  (v) => line`Apr  2 04:00:01 host CRON[9911]: (${pii('user', v.user())}) CMD (test -x /usr/sbin/anacron)`,
  (v) => line`az storage container create -n logs --account-name acme --account-key ${pii('token', v.azureKey())}`,
  (v) =>
    line`fetching https://${pii('url_credentials', `gitlab-ci-token:${v.gitlab()}`)}@gitlab.example.com/group/app.git`,

  (v) =>
    line`podman: wrote ${pii('home_dir', '/home/' + v.user())}/.config/containers/auth.json {"auths":{"quay.io":{"auth":"${pii('secret_kv', Buffer.from(`${v.user()}:${v.base62(10)}`).toString('base64'))}"}}}`,
  (v) =>
    line`npm config: //registry.example.com/:_auth=${pii('secret_kv', Buffer.from(`${v.user()}:${v.base62(10)}`).toString('base64'))}`,
  (v) =>
    line`caddy | ${pii('ipv4', v.ipv4())} - ${pii('user', v.user())} [02/Apr/2025:03:14:15 +0000] "PUT /upload HTTP/1.1" 201 0`,
  (v) =>
    line`vsftpd: Wed Apr  2 03:14:16 2025 [pid 812] [${pii('user', v.user())}] OK LOGIN: Client "${pii('ipv4', v.ipv4())}"`,

  // user names and passwords by position: log columns, admin commands, network configs
  (v) =>
    line`${'2025-04-02 03:14:1' + v.r.int(0, 9)}.${v.r.int(100, 999)} UTC,"${pii('user', v.user())}","billing",${v.r.int(100, 9999)},"${pii('ipv4', v.ipv4())}:${v.r.int(40000, 60000)}",6a1f.2,1,"SELECT",2025-04-02 03:14:00 UTC,3/41,0,ERROR,42501,"permission denied for table invoices"`,
  (v) =>
    line`2025-04-02T03:14:17.000111Z	   ${v.r.int(10, 99)} Connect	${pii('user', v.user())}@${pii('ipv4', v.ipv4())} on billing using SSL/TLS`,
  (v) =>
    line`${'17435636' + v.r.int(10, 99)}.${v.r.int(100, 999)}    ${v.r.int(1, 900)} ${pii('ipv4', v.ipv4())} TCP_TUNNEL/200 ${v.r.int(100, 99999)} CONNECT api.example.net:443 ${pii('user', v.user())} HIER_DIRECT/${pii('ipv4', v.ipv4())} -`,
  (v) =>
    line`openvpn[${v.r.int(100, 999)}]: ${pii('user', v.user())}/${pii('ipv4', v.ipv4())}:${v.r.int(1024, 65000)} MULTI: Learn: ${pii('ipv4', `10.8.0.${v.r.int(2, 250)}`)} -> client`,
  (v) =>
    line`dovecot[${v.r.int(100, 999)}]: pop3(${pii('user', v.user())})<${v.r.int(1000, 9999)}><x9Kd2>: Disconnected: Logged out top=0/0, retr=1/2044, del=0/1, size=2044`,
  (v) =>
    line`freeradius: Auth: (${v.r.int(1, 999)}) Login incorrect (Failed retrieving values required to evaluate condition): [${pii('user', v.user())}/${pii('secret_kv', v.password())}] (from client wlc-2 port 7 cli ${pii('mac', v.mac('-'))})`,
  (v) =>
    line`slapd[${v.r.int(100, 999)}]: conn=${v.r.int(1000, 9999)} op=0 BIND dn="cn=${pii('user', `${v.name()} ${v.r.pick(['Berg', 'Okafor', 'Silva'])}`)},ou=staff,dc=corp,dc=example" method=128`,
  (v) =>
    line`slapd[${v.r.int(100, 999)}]: conn=${v.r.int(1000, 9999)} op=0 BIND dn="uid=${pii('user', v.user())},ou=people,dc=corp,dc=example" method=128`,
  (v) => line`+ sudo -u ${pii('user', v.user())} /opt/app/bin/migrate --env prod`,
  (v) =>
    line`ansible: TASK [create account] changed: useradd -m -G wheel ${pii('user', v.user())} && echo '${pii('user', v.user())}:${pii('secret_kv', v.password().replace(/[:'\s]/g, 'x'))}' | chpasswd`,
  (v) =>
    line`docker exec rabbit rabbitmqctl add_user ${pii('user', v.user())} ${pii('secret_kv', v.password().replace(/[;&|'"<>\s]/g, 'x'))}`,
  (v) =>
    line`RUN htpasswd -bc /etc/nginx/htpasswd ${pii('user', v.user())} ${pii('secret_kv', v.password().replace(/[;&|'"<>\s]|^-/g, 'x'))}`,
  (v) =>
    line`C:\> net user ${pii('user', v.user())} ${pii('secret_kv', v.password().replace(/[;&|'"<>\s/*]/g, 'x'))} /add /domain`,
  (v) =>
    line`ldapmodify -H ldaps://dc1 -D "cn=${pii('user', v.user())},ou=admins,dc=corp,dc=example" -w ${pii('secret_kv', v.password().replace(/[;&|'"<>\s-]/g, 'x'))} -f change.ldif`,
  (v) =>
    line`ipmitool -I lanplus -H ${pii('ipv4', v.ipv4())} -U ${pii('user', v.user())} -P ${pii('secret_kv', v.password().replace(/[;&|'"<>\s-]/g, 'x'))} chassis status`,
  (v) =>
    line`smbclient -L //fs01 -U 'CORP\\${pii('user', v.user())}%${pii('secret_kv', v.password().replace(/[;&|'"<>\s%]/g, 'x'))}'`,
  (v) =>
    line`router(config)# username ${pii('user', v.user())} privilege 15 secret 9 ${pii('secret_kv', '$9$' + v.base62(14) + '$' + v.base62(43))}`,
  (v) => line`router(config)# snmp-server community ${pii('secret_kv', v.password().replace(/[;'"\s{}]/g, 'x'))} RO 10`,
  (v) =>
    line`keepalived.conf:\n    authentication {\n        auth_type PASS\n        auth_pass ${pii('secret_kv', v.base62(8))}\n    }`,
  (v) =>
    line`/etc/wireguard/wg0.conf: [Peer] PublicKey = ${v.base62(43)}= PresharedKey = ${pii('secret_kv', v.base62(43) + '=')}`,
  (v) =>
    line`{"level":"debug","cfg":{"smtpHost":"mail.example.org","smtpPass":"${pii('secret_kv', v.password().replace(/["\\]/g, 'x'))}"}}`,
  (v) =>
    line`config: datenbank.passwort=${pii('secret_kv', v.password().replace(/[\s&,;)\]}"'\\]/g, 'x'))} datenbank.benutzer=${v.r.pick(['app', 'etl'])}`,
  (v) => line`$ vault login ${pii('token', `hvs.${v.base62(24)}`)}`,
  (v) =>
    line`tailscale up --authkey=${pii('token', `tskey-auth-${v.base62(12)}-${v.base62(32)}`)} --hostname=${v.r.pick(['edge-1', 'edge-2'])}`,

  (v) => line`%SYS-5-CONFIG_I: Configured from console by ${pii('user', v.user())} on vty0 (${pii('ipv4', v.ipv4())})`,
  (v) => line`charon: 12[IKE] received EAP identity '${pii('user', v.user())}'`,
  (v) =>
    line`${'1743563657'}.${v.r.int(100, 999)} [0 ${pii('ipv4', v.ipv4())}:${v.r.int(40000, 60000)}] "AUTH" "${pii('user', v.user())}" "${pii('secret_kv', v.password().replace(/["\\]/g, 'x'))}"`,
  (v) => line`snmpd.conf: rocommunity ${pii('secret_kv', v.base62(10))} ${pii('ipv4', '10.20.0.0')}/16`,
  (v) =>
    line`GlobalProtect gateway user authentication succeeded. Login from: ${pii('ipv4', v.ipv4())}, User name: ${pii('user', v.user())}, Auth type: profile`,

  (v) =>
    line`es[${v.r.int(1, 9)}]: [WARN] Authentication to realm native1 failed - Password authentication failed for ${pii('user', v.user())}`,
  (v) =>
    line`date=2025-04-02 time=03:14:20 logid="0100032003" type="event" subtype="system" logdesc="Admin logout" user="${pii('user', v.user())}" ui="https(${pii('ipv4', v.ipv4())})" msg="Administrator ${pii('user', v.user())} logged out from https(${pii('ipv4', v.ipv4())})"`,
  (v) =>
    line`openvpn: ${pii('user', v.user())}/${pii('ipv6', `2001:db8:${v.hex(4)}::${v.r.int(2, 99)}`)} MULTI_sva: pool returned IPv4=${pii('ipv4', `10.8.0.${v.r.int(2, 250)}`)}`,
  (v) =>
    line`20250402 03:14:21,db-${v.r.int(1, 4)},${pii('user', v.user())},${pii('ipv4', v.ipv4())},${v.r.int(100, 999)},${v.r.int(1000, 9999)},QUERY,ledger,'SELECT 1',0`,
  (v) =>
    line`SQL> CREATE USER ${pii('user', v.user())} IDENTIFIED BY "${pii('secret_kv', v.password().replace(/["\\]/g, 'x'))}";`,
  (v) =>
    line`+ sqlplus -s ${pii('user', v.user())}/${pii('secret_kv', v.password().replace(/[@\s"'/\\]/g, 'x'))}@//ora1.internal:1521/FIN @nightly.sql`,
  (v) =>
    line`smtpd: C: AUTH PLAIN ${pii('secret_kv', Buffer.from(`\0${v.user()}\0${v.base62(10)}`).toString('base64'))}`,
  (v) =>
    line`W3SVC1: 2025-04-02 03:14:22 ${pii('ipv4', '10.1.0.4')} GET /reports/q1 - 443 ${pii('user', v.user())} ${pii('ipv4', v.ipv4())} Mozilla/5.0 - 200 0 0 41`,
  (v) =>
    line`nagios: EXTERNAL COMMAND: SCHEDULE_SVC_DOWNTIME;db-${v.r.int(1, 9)};MySQL;1743563700;1743567300;1;0;3600;${pii('user', v.user())};patching`,
  (v) => line`curl -s -H "X-Vendor-Key: ${pii('secret_kv', v.base62(24))}" https://api.vendor.example/v2/status`,
  (v) =>
    line`{"method":"user.login","params":{"username":"${pii('user', v.user())}","password":"${pii('secret_kv', v.password().replace(/["\\]/g, 'x'))}"},"auth":null}`,
  (v) => line`nomad: Secret ID = ${pii('secret_kv', v.uuid())}`,

  (v) =>
    line`ansible: ok: [web-2] => ${pii('user', v.user())}:x:${pii('user', String(v.r.int(1000, 1999)))}:${v.r.int(1000, 1999)}::${pii('home_dir', '/home/' + v.user())}:/bin/zsh`,
  (v) =>
    line`+ id => uid=${pii('user', String(v.r.int(1000, 1999)))}(${pii('user', v.user())}) gid=100(users) groups=100(users)`,
  (v) => line`${pii('user', v.user())} ALL=(ALL:ALL) NOPASSWD: /usr/bin/apt-get`,
  (v) =>
    line`${pii('user', v.user())}   pts/${v.r.int(0, 9)}        ${pii('ipv4', v.ipv4())}     Wed Apr  2 03:1${v.r.int(0, 9)} - 03:5${v.r.int(0, 9)}  (00:4${v.r.int(0, 9)})`,
  (v) => line`-rw-------  1 ${pii('user', v.user())} staff  ${v.r.int(100, 9999)} Apr  2 03:14 id_ed25519`,
  (v) => line`Run echo "::add-mask::${pii('secret_kv', v.base62(20))}"`,
  (v) =>
    line`{"level":"info","msg":"sentry init","dsn":"https://${pii('token', v.hex(32))}@o${v.r.int(1000, 99999)}.ingest.sentry.io/${v.r.int(100, 9999)}"}`,
  (v) =>
    line`{"action":"workflows.completed_workflow_run","actor":"${pii('user', v.user())}","repo":"acme/api","conclusion":"success"}`,

  (v) => line`#12 [6/8] USER ${pii('user', v.user())}`,
  (v) =>
    line`[${pii('user', v.user())}@bastion-${v.r.int(1, 3)} ~]$ kubectl config set-credentials ${pii('user', v.user())} --token=${pii('secret_kv', v.base62(32))}`,
  (v) =>
    line`{"event":"ticket.updated","updated_by":"${pii('user', v.user())}","assignee":"${pii('user', v.user())}","order_by":"priority"}`,
  (v) =>
    line`2025-04-02 03:14:23.104  WARN 1 --- [main] .s.s.UserDetailsServiceAutoConfiguration : Using generated security password: ${pii('secret_kv', v.uuid())}`,
  (v) => line`wsl: cp ${pii('home_dir', `/mnt/c/Users/${v.name()}`)}/notes.txt /tmp/`,

  (v) =>
    line`java.sql.SQLException: getConnection("jdbc:mysql://db-${v.r.int(1, 4)}/orders", "${pii('user', v.user())}", "${pii('secret_kv', v.password().replace(/["\\]/g, 'x'))}") failed`,
  (v) => line`aws sts get-caller-identity => "Arn": "arn:aws:iam::${v.digits(12)}:user/${pii('user', v.user())}"`,
  (v) => line`gh auth status: Logged in to github.com account ${pii('user', v.user())} (GH_TOKEN)`,

  (v) =>
    line`[Pipeline] Start of Pipeline; Started by user ${pii('user', `${v.name()} ${v.r.pick(['Berg', 'Okafor', 'Silva', 'Tanaka'])}`)}`,
  (v) =>
    line`gitlab: merge request !${v.r.int(10, 999)} Approved by ${pii('user', v.user())}, pipeline Triggered by push`,

  (v) =>
    line`  User Create (1.${v.r.int(0, 9)}ms)  INSERT INTO "users" ("username", "email", "password_digest") VALUES ($1, $2, $3) RETURNING "id"  [["username", "${pii('user', v.user())}"], ["email", "${pii('email', v.email())}"], ["password_digest", "${pii('secret_kv', '$2a$12$' + v.base62(53))}"]]`,

  // near misses
  (v) => line`Build ${v.r.int(100, 999)} succeeded: pass=${v.r.int(1, 99)} failures=0`,
  (v) => line`INFO refreshing access token: attempt ${v.r.int(1, 5)} of 5`,
  (v) => line`error: secret "${v.r.pick(['registry-creds', 'tls-cert', 'db-password'])}" in namespace "prod" not found`,
  (v) => line`cloning into 'web'... remote git@gitlab.example.com:${v.user()}/web.git`,
  (v) => line`lspci: 00:02.0 VGA controller rev ${v.r.int(1, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}`,
  (v) => line`firmware version ${v.r.int(1, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 99)} loaded`,
  (v) => line`bind: address 127.0.0.1:${v.r.int(1000, 9000)} already in use`,
  () => line`netmask 255.255.255.0 broadcast ff:ff:ff:ff:ff:ff`,
  () => line`PWD=/srv/app OLDPWD=/srv USER_AGENT=curl`,
  (v) => line`user ${v.r.pick(['not found', 'session expired', 'logged out', 'count: 42'])}`,
  (v) => line`password reset email queued (template=reset_v${v.r.int(1, 4)})`,
  (v) => line`secret ${v.uuid()} rotated`,
  () => line`api key expired; create a new one in the console`,
  (v) => line`trace ${v.hex(32)} span ${v.hex(16)} token bucket refilled`,
  (v) => line`sha256:${v.hex(64)}  app-${v.r.int(1, 3)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.${v.r.int(0, 9)}.jar`,
  () => line`ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx is a placeholder in docs/setup.md`,
  (v) => line`Listening on 0.0.0.0:${v.r.int(1000, 9000)} (pid ${v.r.int(100, 9999)})`,
  (v) => line`redis-cli -p ${v.r.int(6000, 7000)} INFO memory`,
  () => line`Users/Shared/Library/Caches is world-writable`,
  (v) => line`vault: Token: Permission denied (code ${v.r.int(400, 403)})`,
  (v) => line`session token refresh_count=${v.r.int(1, 9)} ttl=${v.r.int(60, 3600)}s`,
  (v) => line`pass in on em0 inet proto tcp from any to ${v.r.pick(['(em0)', 'self'])} port 443 keep state`,
  (v) => line`cn=${v.r.pick(['developers', 'ops', 'dba'])},ou=groups,dc=corp,dc=example member added`,
  () => line`su: pam_unix(su:auth): authentication failure; the su binary is setuid`,
  (v) => line`  User Load (0.${v.r.int(1, 9)}ms)  SELECT "users".* FROM "users" WHERE "users"."id" = $1 LIMIT $2`,
  (v) => line`user_agent=curl/8.${v.r.int(1, 9)} users=${v.r.int(2, 90)} password_policy=strict`,
  (v) => line`WARNING! Using --password via the CLI is insecure. Use --password-stdin. (build ${v.r.int(100, 999)})`,
  (v) => line`argocd: diff "-  DB_PASSWORD: '++++++++'" app=payments rev=${v.hex(40)}`,
  (v) => line`worker[${v.r.pick(['web.1', 'api-2', 'jobs.3'])}]: exit code=${v.r.int(0, 2)} after ${v.r.int(1, 90)}s`,
  (v) => line`{"logName":"projects/${v.r.pick(['demo', 'prod'])}/logs/stdout","severity":"INFO"}`,
];
