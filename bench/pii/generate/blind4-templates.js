// The FOURTH blind part (corpus-blind4.jsonl): written after blind 3 was scored and before any detector change of
// the second round, in software none of the other parts was written from (HAProxy, Envoy, Terraform, Ansible,
// GitHub Actions, Rails, Laravel, Windows event XML, Postgres, MySQL, Kafka, ZooKeeper, Vault, Consul, systemd,
// AWS CLI debug output, .pgpass/.my.cnf/.env dumps, docker inspect). Its user names are its own. Never tune on it.
// Label convention: numeric uid values (`uid=1000`, `auid=1000`) are identities of the `user` type (issue 9); root's 0 is not.
const { pii, line } = require('./line');

const users = [
  'rkumar',
  'h.schmidt',
  'ops_admin',
  'backup01',
  'lfernandez',
  'mwilson',
  'etl-runner',
  'j.smith',
  'svc_jenkins',
  'tbrown',
  'nadia',
  'replicator',
];
const user = (v) => v.r.pick(users);
const uid = (v) => String(v.r.pick([0, 33, 101, 1000, 1001, 1002, 2045, 65534]));

module.exports = [
  // HAProxy, Envoy
  (v) =>
    line`haproxy[2211]: ${pii('ipv4', v.ipv4())}:${v.r.int(1024, 65000)} [02/May/2025:09:14:0${v.r.int(0, 9)}.412] https_in~ app_be/${pii('hostname', v.ipHost())} 0/0/1/${v.r.int(2, 90)}/${v.r.int(3, 99)} 200 ${v.r.int(100, 9000)} - - ---- 12/12/0/0/0 0/0 "GET /api/v2/orders?customer=${pii('email', encodeURIComponent(v.email()))} HTTP/1.1"`,
  (v) =>
    line`haproxy[2211]: ${pii('ipv4', v.ipv4())}:${v.r.int(1024, 65000)} [02/May/2025:09:14:11.002] stats stats/<STATS> 0/0/0/0/0 401 271 - - PR-- 1/1/0/0/0 0/0 {${pii('user', user(v))}} "GET /haproxy?stats HTTP/1.1"`,
  (v) =>
    line`[2025-05-02T09:14:12.${v.digits(3)}Z] "POST /v1/payments HTTP/2" 200 - ${v.r.int(10, 900)} ${v.r.int(10, 900)} ${v.r.int(1, 40)} ${v.r.int(1, 40)} "${pii('ipv6', v.ipv6())}" "okhttp/4.12.0" "${v.uuid()}" "pay.example.com" "${pii('ipv4', v.ipv4())}:8443"`,
  (v) =>
    line`envoy ext_authz: denied request x-forwarded-for="${pii('ipv4', v.ipv4())}" authorization="Bearer ${pii('auth_header', v.base62(32))}" path="/admin"`,
  // Terraform, Ansible, GitHub Actions
  (v) =>
    line`2025-05-02T09:15:01.114Z [DEBUG] provider.terraform-provider-aws: HTTP Request Sent: Authorization=AWS4-HMAC-SHA256 Credential=${pii('aws_access_key', v.awsAccessKey())}/20250502/eu-west-1/rds/aws4_request`,
  (v) =>
    line`  + resource "aws_db_instance" "main" { + username = "${pii('user', user(v))}" + password = "${pii('secret_kv', v.password())}" }`,
  (v) =>
    line`TASK [postgres : create role] ok: [db1] => {"changed": false, "user": "${pii('user', user(v))}", "login_host": "${pii('ipv4', v.ipv4())}"}`,
  (v) =>
    line`ok: [web1] => {"ansible_facts": {"ansible_env": {"HOME": "${pii('home_dir', '/home/' + user(v))}"}, "ansible_default_ipv4": {"address": "${pii('ipv4', v.ipv4())}", "macaddress": "${pii('mac', v.mac(':').toLowerCase())}"}}}`,
  (v) =>
    line`fatal: [app2]: FAILED! => {"msg": "Failed to connect to the host via ssh: ${pii('user', user(v))}@${pii('ipv4', v.ipv4())}: Permission denied (publickey,password)."}`,
  (v) =>
    line`2025-05-02T09:15:20.5512345Z ##[group]Run docker login ghcr.io -u ${pii('user', user(v))} --password-stdin <<< "${pii('token', v.github('ghp'))}"`,
  (v) => line`2025-05-02T09:15:21.0000000Z   NPM_CONFIG_//registry.npmjs.org/:_authToken: ${pii('token', v.npm())}`,
  // Rails, Laravel, Django
  (v) => line`Started POST "/users/sign_in" for ${pii('ipv4', v.ipv4())} at 2025-05-02 09:16:00 +0000`,
  (v) =>
    line`  Parameters: {"authenticity_token"=>"${pii('secret_kv', v.base64(43) + '=')}", "user"=>{"email"=>"${pii('email', v.email())}", "password"=>"[FILTERED]"}}`,
  (v) =>
    line`[2025-05-02 09:16:03] production.ERROR: SQLSTATE[HY000] [1045] Access denied for user '${pii('user', user(v))}'@'${pii('ipv4', v.ipv4())}' (using password: YES)`,
  (v) =>
    line`[2025-05-02 09:16:04] local.INFO: mail sent {"to":"${pii('email', v.email())}","mailer":"smtp","MAIL_PASSWORD":"${pii('secret_kv', v.password())}"}`,
  (v) =>
    line`django.request: Forbidden (CSRF token missing.): /accounts/login/ sessionid=${pii('secret_kv', v.r.chars('abcdefghijklmnopqrstuvwxyz0123456789', 32))} remote=${pii('ipv4', v.ipv4())}`,
  // Windows event XML
  (v) =>
    line`<Event><System><EventID>4625</EventID><Computer>WS-0${v.r.int(1, 9)}.corp.example.com</Computer></System><EventData><Data Name="TargetUserName">${pii('user', user(v))}</Data><Data Name="IpAddress">${pii('ipv4', v.ipv4())}</Data></EventData></Event>`,
  (v) =>
    line`<EventData><Data Name="SubjectUserName">${pii('user', user(v))}</Data><Data Name="ProcessName">${pii('home_dir', 'C:\\Users\\' + user(v))}\\AppData\\Local\\Temp\\setup.exe</Data></EventData>`,
  // Postgres, MySQL
  (v) =>
    line`2025-05-02 09:17:00.101 UTC [${v.r.int(100, 9999)}] FATAL:  password authentication failed for user "${pii('user', user(v))}"`,
  (v) =>
    line`2025-05-02 09:17:01.220 UTC [${v.r.int(100, 9999)}] LOG:  connection authorized: user=${pii('user', user(v))} database=shop application_name=psql SSL enabled (protocol=TLSv1.3)`,
  (v) =>
    line`2025-05-02 09:17:02 UTC [${v.r.int(100, 9999)}]: [3-1] user=${pii('user', user(v))},db=billing,app=[unknown],client=${pii('ipv4', v.ipv4())} LOG:  statement: ALTER ROLE app WITH PASSWORD '${pii('secret_kv', v.password())}'`,
  (v) =>
    line`2025-05-02T09:17:03.000000Z 12 [Note] [MY-010926] [Server] Access denied for user '${pii('user', user(v))}'@'${pii('hostname', v.ipHost())}' (using password: YES)`,
  (v) =>
    line`mysqld: Aborted connection ${v.r.int(10, 9999)} to db: 'crm' user: '${pii('user', user(v))}' host: '${pii('ipv4', v.ipv4())}' (Got an error reading communication packets)`,
  // Kafka, ZooKeeper
  (v) =>
    line`[2025-05-02 09:18:00,${v.digits(3)}] INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /${pii('ipv4', v.ipv4())} (channelId=${pii('ipv4', '10.0.1.4')}:9093-${pii('ipv4', v.ipv4())}:${v.r.int(30000, 60000)}-7) (Authentication failed: Invalid username or password)`,
  (v) =>
    line`	sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="${pii('user', user(v))}" password="${pii('secret_kv', v.password())}";`,
  (v) =>
    line`2025-05-02 09:18:02,110 [myid:2] - INFO  [NIOServerCxnFactory.AcceptThread:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory$AcceptThread@296] - Accepted socket connection from /${pii('ipv4', v.ipv4())}:${v.r.int(30000, 60000)}`,
  // Vault, Consul
  (v) =>
    line`{"type":"response","auth":{"display_name":"userpass-${pii('user', user(v))}","policies":["default"]},"request":{"path":"auth/userpass/login/${pii('user', user(v))}","remote_address":"${pii('ipv4', v.ipv4())}"}}`,
  (v) =>
    line`vault: core: login failed: mount=ldap/ username=${pii('user', user(v))} remote_addr=${pii('ipv4', v.ipv4())} error="invalid credentials"`,
  (v) => line`export VAULT_TOKEN=${pii('token', `hvs.${v.base62(24)}`)}`,
  (v) =>
    line`consul: agent.http: Request error: method=PUT url=/v1/kv/app/config?token=${pii('secret_kv', v.uuid())} from=${pii('ipv4', v.ipv4())}:${v.r.int(30000, 60000)}`,
  (v) =>
    line`consul: agent: Node name "${pii('hostname', v.ipHost())}" will not be discoverable via DNS due to invalid characters`,
  // systemd, audit, smbd
  (v) => line`May 02 09:19:00 db2 systemd-logind[612]: New session ${v.r.int(2, 900)} of user ${pii('user', user(v))}.`,
  (v) =>
    line`May 02 09:19:01 db2 audit[${v.r.int(100, 9999)}]: USER_AUTH pid=${v.r.int(100, 9999)} uid=${pii('user', uid(v))} auid=${pii('user', uid(v))} ses=${v.r.int(1, 99)} msg='op=PAM:authentication grantors=? acct="${pii('user', user(v))}" exe="/usr/bin/su" hostname=? addr=? terminal=pts/1 res=failed'`,
  (v) =>
    line`May 02 09:19:02 files smbd[${v.r.int(100, 9999)}]:   Authentication for user [${pii('user', user(v))}] -> [${pii('user', v.r.pick(['nobody1', 'smbguest', 'share_rw']))}] FAILED with error NT_STATUS_NO_SUCH_USER, authoritative=1`,
  (v) =>
    line`May 02 09:19:03 web1 su[${v.r.int(100, 9999)}]: pam_unix(su:session): session opened for user ${pii('user', 'root')}(uid=0) by ${pii('user', user(v))}(uid=${pii('user', uid(v))})`,
  (v) =>
    line`May 02 09:19:04 web1 polkitd[${v.r.int(100, 999)}]: Registered Authentication Agent for unix-process:${v.r.int(100, 9999)}:${v.r.int(1000, 99999)} (system bus name :1.${v.r.int(10, 99)} [/usr/bin/pkttyagent], object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale en_US.UTF-8) uid=${pii('user', uid(v))}`,
  // AWS CLI / gcloud debug
  (v) =>
    line`2025-05-02 09:20:00,101 - MainThread - botocore.credentials - DEBUG - Retrieving credentials: aws_access_key_id=${pii('aws_access_key', v.awsAccessKey())} aws_secret_access_key=${pii('aws_secret_key', v.awsSecretKey())}`,
  (v) =>
    line`2025-05-02 09:20:01,220 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=GetObject) with params: {'headers': {'X-Amz-Security-Token': '${pii('secret_kv', v.base64(120))}'}}`,
  (v) =>
    line`DEBUG: https://oauth2.googleapis.com:443 "POST /token HTTP/1.1" 200 None; access_token=${pii('token', 'ya29.a0' + v.base62(80))}`,
  // dotfile dumps
  (v) =>
    line`cat ~/.pgpass: ${pii('hostname', v.ipHost())}:5432:*:${pii('user', user(v))}:${pii('secret_kv', v.password())}`,
  (v) => line`.pgpass: *:*:analytics:${pii('user', user(v))}:${pii('secret_kv', v.base62(20))}`,
  (v) =>
    line`.my.cnf: [client]\\nuser=${pii('user', user(v))}\\npassword="${pii('secret_kv', v.password())}"\\nhost=${pii('ipv4', v.ipv4())}`,
  (v) =>
    line`.env: DB_HOST=${pii('ipv4', v.ipv4())} DB_USERNAME=${pii('user', user(v))} DB_PASSWORD=${pii('secret_kv', v.password())} APP_KEY=${pii('secret_kv', `base64:${v.base64(43)}=`)}`,
  (v) =>
    line`.env: REDIS_URL=redis://${pii('url_credentials', `default:${v.base62(20)}`)}@cache.internal:6379/0 JWT_PRIVATE_KEY="${pii('private_key', v.privateKey('RSA PRIVATE KEY'))}"`,
  (v) => line`.env: OPENAI_API_KEY=${pii('token', v.openai())} ADMIN_PHONE=${pii('phone', v.phone())}`,
  // docker inspect
  (v) =>
    line`"Env": ["POSTGRES_USER=${pii('user', user(v))}", "POSTGRES_PASSWORD=${pii('secret_kv', v.password())}", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin"],`,
  (v) =>
    line`"NetworkSettings": {"Networks": {"bridge": {"Gateway": "${pii('ipv4', '172.17.0.1')}", "IPAddress": "${pii('ipv4', `172.17.0.${v.r.int(2, 250)}`)}", "GlobalIPv6Address": "${pii('ipv6', v.ipv6())}", "MacAddress": "${pii('mac', v.mac(':').toLowerCase())}"}}}`,
  // payments, HR, misc
  (v) =>
    line`adyen: AUTHORISATION refused for card ${pii('credit_card', v.card())} holder ${pii('email', v.email())} (reason=CVC Declined)`,
  (v) => line`sepa-export: mandate MNDT-${v.digits(6)} debtor_iban=${pii('iban', v.iban())} amount=129.90 EUR`,
  (v) =>
    line`workday sync: employee ${v.digits(6)} tax_id_type=SSN value=${pii('us_ssn', v.ssn())} phone=${pii('phone', v.phone())}`,
  (v) => line`oidc callback: id_token=${pii('jwt', v.jwt())}&state=${v.hex(16)}`,
  (v) => line`keyring: loaded ${pii('private_key', v.privateKey('EC PRIVATE KEY'))} for ${pii('email', v.email())}`,
  (v) =>
    line`celery: Connection to broker lost: amqp://${pii('url_credentials', `${user(v)}:${v.password().replace(/[@:/#%]/g, 'x')}`)}@rabbit.internal:5672//`,
  (v) =>
    line`pip: Looking in indexes: https://${pii('url_credentials', `${user(v)}:${v.base62(16)}`)}@nexus.example.com/repository/pypi/simple`,
  (v) =>
    line`rsync: sending incremental file list from ${pii('home_dir', '/home/' + user(v))}/backups/ to ${pii('user', user(v))}@${pii('ipv4', v.ipv4())}:/srv/backup`,
  (v) =>
    line`slack-notifier: posting to https://hooks.slack.com/services/${pii('token', v.slackWebhookPath())} channel=#ops`,

  // near misses
  (v) =>
    line`haproxy[2211]: Server app_be/web${v.r.int(1, 9)} is DOWN, reason: Layer4 timeout, check duration: ${v.r.int(1000, 3000)}ms. ${v.r.int(0, 3)} active and 0 backup servers left.`,
  (v) =>
    line`[2025-05-02T09:21:0${v.r.int(0, 9)}.000Z] "GET /healthz HTTP/1.1" 200 - 0 2 ${v.r.int(0, 9)} ${v.r.int(0, 9)} "-" "kube-probe/1.30" "${v.uuid()}" "localhost:8080" "127.0.0.1:8080"`,
  (v) =>
    line`  # aws_db_instance.main will be updated in-place ~ password = (sensitive value) ~ allocated_storage = ${v.r.int(20, 500)}`,
  (v) => line`2025-05-02T09:21:10.0000000Z ##[debug]Evaluating: secrets.NPM_TOKEN => *** (length ${v.r.int(20, 80)})`,
  (v) =>
    line`TASK [users : set password policy] changed: [db${v.r.int(1, 9)}] => {"password_min_length": ${v.r.int(8, 16)}, "token_ttl": "${v.r.int(1, 72)}h"}`,
  (v) =>
    line`Completed 200 OK in ${v.r.int(5, 900)}ms (Views: ${v.r.int(1, 90)}.${v.r.int(0, 9)}ms | ActiveRecord: ${v.r.int(1, 90)}.${v.r.int(0, 9)}ms | Allocations: ${v.r.int(1000, 99999)})`,
  (v) =>
    line`[2025-05-02 09:21:12] production.INFO: user_count=${v.r.int(100, 99999)} password_resets=${v.r.int(0, 50)} api_key_rotation_days=90`,
  (v) =>
    line`<Event><System><EventID>${v.r.pick([4624, 4634, 4672, 4688])}</EventID><Level>0</Level><Keywords>0x8020000000000000</Keywords><Data Name="LogonType">${v.r.int(2, 11)}</Data></System></Event>`,
  (v) =>
    line`2025-05-02 09:21:13.${v.digits(3)} UTC [${v.r.int(100, 9999)}] LOG:  checkpoint complete: wrote ${v.r.int(10, 9000)} buffers (0.${v.r.int(1, 9)}%); sync files=${v.r.int(1, 99)}`,
  (v) =>
    line`2025-05-02T09:21:14.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.${v.r.int(30, 40)}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306`,
  (v) =>
    line`[2025-05-02 09:21:15,${v.digits(3)}] INFO ssl.truststore.password = [hidden] sasl.mechanism = SCRAM-SHA-512 sasl.login.refresh.window.factor = 0.${v.r.int(5, 9)}`,
  (v) =>
    line`2025-05-02 09:21:16,${v.digits(3)} [myid:${v.r.int(1, 5)}] - INFO  [QuorumPeer[myid=${v.r.int(1, 5)}](plain=0.0.0.0:2181)(secure=disabled):Leader@${v.r.int(100, 999)}] - LEADING - LEADER ELECTION TOOK - ${v.r.int(10, 900)} MS`,
  (v) =>
    line`vault: expiration: revoked lease: lease_id=auth/token/create/${v.hex(40).slice(0, 24)} token_ttl=${v.r.int(1, 768)}h`,
  (v) =>
    line`consul: raft: heartbeat timeout reached, starting election: last-leader-addr= last-leader-id= term=${v.r.int(2, 900)}`,
  (v) =>
    line`May 02 09:21:17 db2 systemd[1]: Started Daily apt upgrade and clean activities (pid ${v.r.int(100, 99999)}, ${v.r.int(1, 60)}s).`,
  (v) =>
    line`2025-05-02 09:21:18,${v.digits(3)} - MainThread - botocore.credentials - DEBUG - Looking for credentials via: env, assume-role, shared-credentials-file (${v.r.int(1, 9)} providers)`,
  (v) =>
    line`"Image": "sha256:${v.hex(64)}", "RestartCount": ${v.r.int(0, 9)}, "Driver": "overlay2", "Platform": "linux"`,
  (v) => line`terraform: aws_instance.web: Creation complete after ${v.r.int(10, 90)}s [id=i-0${v.hex(16)}]`,
  (v) =>
    line`GitHub Actions runner version 2.3${v.r.int(10, 20)}.0; Secret source: Actions; Prepare workflow directory (${v.r.int(1, 9)} jobs)`,
  (v) =>
    line`systemd-logind[612]: Session ${v.r.int(2, 900)} logged out. Waiting for processes to exit. Removed session ${v.r.int(2, 900)}.`,
  (v) =>
    line`kafka: Completed load of log with 1 segments, log start offset ${v.r.int(0, 99999)} and log end offset ${v.r.int(0, 99999)} in ${v.r.int(1, 90)} ms`,
  (v) =>
    line`laravel: Route [password.reset] not defined. (View: /var/www/html/resources/views/auth/login.blade.php) line ${v.r.int(10, 99)}`,
  (v) => line`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${v.base62(40)} deploy key fingerprint SHA256:${v.base62(43)}`,
];
