// The THIRD blind part (corpus-blind3.jsonl): written after every detector change, in formats none of the other
// parts use, and scored once to estimate the final detectors on unseen lines. Never tune on it.
const { pii, line } = require('./line');

module.exports = [
  (v) =>
    line`2025-05-02 08:00:01.120  WARN 1 --- [nio-8080-exec-9] o.s.s.a.DefaultAuthenticationEventPublisher : Bad credentials for principal=${pii('user', v.user())} remoteAddress=${pii('ipv4', v.ipv4())}`,
  (v) =>
    line`django.security.DisallowedHost: Invalid HTTP_HOST header: '${pii('ipv4', v.ipv4())}:8000'. You may need to add it to ALLOWED_HOSTS.`,
  (v) =>
    line`::ffff:${pii('ipv4', v.ipv4())} - - [02/May/2025:08:00:02 +0000] "POST /api/login HTTP/1.1" 401 27 "-" "axios/1.6.8"`,
  (v) =>
    line`{"_UID":"1000","_COMM":"sshd","MESSAGE":"Connection closed by authenticating user ${pii('user', v.user())} ${pii('ipv4', v.ipv4())} port 51234 [preauth]"}`,
  (v) =>
    line`https 2025-05-02T08:00:03.123Z app/my-lb/50dc6c495c0c9188 ${pii('ipv4', v.ipv4())}:2817 ${pii('ipv4', v.ipv4())}:80 0.000 0.001 0.000 200 200 34 366 "GET https://shop.example.com:443/account?email=${pii('email', encodeURIComponent(v.email()))} HTTP/1.1"`,
  (v) =>
    line`{"protoPayload":{"authenticationInfo":{"principalEmail":"${pii('email', v.email())}"},"requestMetadata":{"callerIp":"${pii('ipv4', v.ipv4())}"},"methodName":"storage.objects.get"}}`,
  (v) =>
    line`{"userPrincipalName":"${pii('email', v.email())}","ipAddress":"${pii('ipv4', v.ipv4())}","status":{"errorCode":50126,"failureReason":"Invalid username or password"}}`,
  (v) =>
    line`Fri May  2 08:00:04 2025 [pid 3321] [${pii('user', v.user())}] FAIL LOGIN: Client "${pii('ipv4', v.ipv4())}"`,
  (v) =>
    line`2025-05-02 08:00:05.44 Logon       Login failed for user '${pii('user', v.user())}'. Reason: Password did not match that for the login provided. [CLIENT: ${pii('ipv4', v.ipv4())}]`,
  (v) =>
    line`keycloak: type=LOGIN_ERROR, realmId=prod, clientId=web, userId=null, ipAddress=${pii('ipv4', v.ipv4())}, error=user_not_found, username=${pii('user', v.user())}`,
  (v) =>
    line`auth0: {"type":"fp","description":"Wrong email or password.","user_name":"${pii('email', v.email())}","ip":"${pii('ipv4', v.ipv4())}"}`,
  (v) =>
    line`git-credential: protocol=https host=github.com username=${pii('user', v.user())} password=${pii('token', v.github())}`,
  (v) => line`.pgpass: db.internal:5432:shop:${pii('user', v.user())}:${pii('secret_kv', v.base62(16))}`,
  (v) =>
    line`docker config: {"auths":{"registry.example.com":{"auth":"${pii('secret_kv', Buffer.from(`${v.user()}:${v.base62(12)}`).toString('base64'))}"}}}`,
  (v) => line`kubeconfig: users: - name: admin user: token: ${pii('secret_kv', v.base62(40))}`,
  (v) =>
    line`.npmrc: _auth=${pii('secret_kv', Buffer.from(`${v.user()}:${v.base62(12)}`).toString('base64'))} always-auth=true`,
  (v) =>
    line`settings.xml: <server><id>nexus</id><username>${pii('user', v.user())}</username><password>${pii('secret_kv', v.base62(14))}</password></server>`,
  (v) =>
    line`spring.datasource.url=jdbc:postgresql://db:5432/shop?user=${pii('user', v.user())}&password=${pii('secret_kv', v.base62(12))}`,
  (v) => line`.env: STRIPE_SECRET=${pii('token', v.stripe())} SENDGRID_API_KEY=${pii('token', v.sendgrid())}`,
  (v) =>
    line`sentry: breadcrumb {"category":"auth","message":"signed in as ${pii('email', v.email())}","data":{"ip":"${pii('ipv6', v.ipv6())}"}}`,
  (v) =>
    line`traefik: ${pii('ipv4', v.ipv4())} - ${pii('user', v.user())} [02/May/2025:08:00:06 +0000] "GET /dashboard/ HTTP/2.0" 200 3021 "-" "-" 42 "dashboard@internal" "-" 1ms`,
  (v) => line`consul: agent: Synced node info node=${pii('hostname', v.ipHost())}`,
  (v) =>
    line`elasticsearch audit: {"event.action":"authentication_failed","user.name":"${pii('user', v.user())}","origin.address":"${pii('ipv4', v.ipv4())}:40022"}`,
  (v) =>
    line`mobile crash: NSException reason=contact ${pii('email', v.email())} at ${pii('phone', v.phone())} device=${v.uuid()}`,
  (v) =>
    line`helm values: global.imageCredentials.password=${pii('secret_kv', v.base62(18))} global.imageCredentials.username=${pii('user', v.user())}`,
  (v) =>
    line`ssh: debug1: Offering public key: ${pii('home_dir', '/home/' + v.user())}/.ssh/id_ed25519 ED25519 SHA256:${v.base62(43)} explicit`,
  (v) =>
    line`twilio debugger: Error 21211 invalid 'To' phone number ${pii('phone', `+1${v.r.int(201, 989)}555${v.digits(4)}`)}`,
  (v) => line`hf hub: HTTP 401 for https://huggingface.co/api/models using token ${pii('token', v.huggingface())}`,
  (v) => line`age: wrote identity ${pii('private_key', v.age())} to keys.txt`,

  // near misses
  (v) => line`INFO  [main] o.a.c.c.StandardService : Starting service [Tomcat] version 10.1.${v.r.int(1, 30)}`,
  (v) => line`Successfully rotated credentials for service account (id ${v.uuid()})`,
  (v) => line`auth: user lookup took ${v.r.int(1, 90)}ms (cache ${v.r.pick(['hit', 'miss'])})`,
  (v) =>
    line`{"level":"info","msg":"jwt verified","kid":"${v.hex(16)}","alg":"RS256","exp":${1746000000 + v.r.int(0, 99999)}}`,
  (v) => line`password must contain at least ${v.r.int(8, 16)} characters and 1 symbol`,
  (v) => line`GET /static/js/main.${v.hex(8)}.js 200 ${v.r.int(100, 90000)} bytes in ${v.r.int(1, 99)}ms`,
  (v) => line`ntp: adjusting clock by ${v.r.int(1, 900)}ms against 0.pool.ntp.org and 127.127.1.0`,
  (v) => line`gateway ff:ff:ff:ff:ff:ff broadcast on vlan ${v.r.int(1, 400)}`,
  (v) =>
    line`kernel: Linux version 6.1.0-${v.r.int(10, 30)}-amd64 (${pii('email', 'debian-kernel@lists.debian.org')}) #1 SMP`,
  (v) => line`token expired at ${v.r.int(10, 23)}:${v.r.int(10, 59)}:${v.r.int(10, 59)}; please sign in again`,
];
