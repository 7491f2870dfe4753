/**
 * Common English words and the vocabulary of log messages (verbs, status words, units, protocol, component and program
 * names), written in-house. A lower-case word in a place where a log may name an account (`by NAME`, `agent NAME`) is
 * a name only when it is none of these: `requested by caller` and `handled by vault` are prose, `by tquinlan` is not.
 * Base forms only: isCommonWord also takes their regular inflections (`rotated`, `workers`, `retrying`).
 */
const words = `
a abc ability able abort about above absence absent absolute absolutely abuse academic accent accept acceptable
accepted access accessor accessory accident accompany accomplish accord according account acct accuracy accurate
accuse ache achieve achievement acid ack acknowledge acls acme acquire acre across act action activate active
activemq activity actor actress actual actually adapt adapter adaptive add added addict addition additional
addprinc addr address adequate adj adjacent adjust adjustment admin administration administrator admins admire
admission admit adopt adult advance advanced advantage adventure adverse advertise advertising advice advise
adviser advocate adyen aes affair affect affiliate afford afraid african after aftermath afternoon afterward
again against age aged agency agenda agent aggregate aggregator aggressive ago agree agreement agricultural
ahead aid aide ailment aim air airflow airline airplane airport aix alarm album alcohol alert alertmanager alg
algebra algorithm alias align alike alive all alley alliance alloc allocate allocation allocator allow allowed
allowlist ally almost alone along alpha alpine already also alter alternative although altitude always am
amateur amavis amazing amazon amber ambient ambition amdgpu amend american among amount amp ample amps amqp
amuse anacron analysis analyst analytics analyze analyzer anchor anchore ancient and android angel anger angle
angry angular ani animal ankle annex anniversary annotate announce annual annually anomaly anonymous another
ansible answer ant antenna anti antique anvil anxiety anxious any anybody anyhow anymore anyone anything anyway
anywhere apache apart apartment apex api apmd app apparent apparently apparmor appdynamics appeal appear
appearance appetite appid appimage applause apple appliance applicant application apply appoint appointment
appreciate approach appropriate approval approve approx approximately apps appsettings apptainer apr april apron
apt aqua arab arbitrary arc arch architect archive archiver are area aren arena arg argocd argon args argue
argument arise arisen arm armed armor army arn aroma arose around arp arrange arrangement array arrest arrival
arrive arrow art article artifact artifactory artist artistic as ascend ascii ash asian aside ask asleep aspect
aspire aspnet assault assembly assert assess assessment asset assign assignment assist assistance assistant
associate association assume assumption assure asylum async asyncio at atd ate athlete athletic atlas atmosphere
atom attach attack attempt attend attention attic attitude attorney attr attract attractive attribute auction
audience audio audit auditbeat auditd auditor aug august auid aunt auth authenticate authentication
authenticator author authority authorization authorize auto autoconf automake automatic automatically autonomy
autoscaler autumn auxiliary avahi avail available avatar avc avenue average avg avoid await awake award aware
awareness away awful awoke awoken aws axis azcopy azure babel baby back backend backfill background backoff
backup bacon bacula bad badge badly bag baggage bait bake baker balance balancer ball bamboo ban banana band
bandit bandwidth bank banker banner bar bare barely bargain bark barn baron barrel barrier base baseball bash
basic basically basin basis basket basketball batch bath bathroom battery battle bay bazel bcdedit bcrypt be
beach beacon beam bean bear beard beast beat beaten beats beautiful beauty became because become bed bedroom bee
beef been beer beetle before beg began begin beginning begun behave behavior behind being belief believe bell
belong beloved below belt bench bend beneath benefit bent berry beside besides best bet better between betwixt
beyond bgp bible bic bicycle bid big bigquery bike bill billing billion bin binary bind binder binding
biological biology bird birth birthday bishop bit bitbucket bite bitmap bits bitten bitter black blackbox
blacklist blade blame blank blanket blast bled blend bless blew blind blink bliss blob block blocked blocker
blood bloom blossom blow blown blue bluez blunt blur board boast boat body boil bold bolt bomb bond bone bonfire
bonus book bookmark boot booth bootstrap border bore borg borgmatic boring born borne borrow boss bot both
bother bottle bottom bought bounce bound boundary bouquet bow bower bowl box boy bps brace bracket brain
brakeman branch brand brave breach bread break breaker breakfast breast breath breathe bred breed breeze brew
bribe brick bride bridge brief briefly bright brilliant bring brisk bro broad broadcast broke broken broker
bronze brook broom brother brotli brought brow brown browser brush bssid btrfs bubble buck bucket buddy budget
buffalo buffer bug bugsnag build buildah builder building buildkit built bulb bulk bull bullet bun bunch bundle
bundler bunker burden burger burn burnt burst bury bus bush business busy but butcher butter button buy buzz by
bypass byte bytes bzip ca cabal cabbage cabin cabinet cable cache cached cacti caddy cafe cage cake calculate
calendar calico call callback caller calm came camel camera camp campaign campus can canadian canal canary
cancel cancer candidate candle cannot canopy canvas canyon cap capability capable capacity capital capsule
captain caption capture car carbon card cardinality care career careful carefully cargo carpet carrier carry
cart cartoon carve cas cascade case cash cassandra cast castle casual cat catalog catch category catholic cattle
caught cause cave cbc ccache cease cedar ceiling celebrate celebration celebrity celery cell celsius cement
census center centos central centre century ceph cereal ceremony cert certain certainly certificate certs cgi
chain chair chairman chalk challenge chamber champion championship chance change channel chaos chapel chapter
char character characteristic characterize charge charity charm charon chart charter chase chassis chat chdir
cheap check checker checkmarx checkmk checkpoint checksum cheek cheer cheese chef chemical chess chest chew
chicken chief child childhood chill chimney chin chinese chip chkdsk chkrootkit chocolate chocolatey choice
cholesterol choose chord chorus chose chosen chpasswd chrome chromium chronic chrony chronyd chunk church cider
cifs cigar cilium cinema cipher circle circleci circuit circumstance circus cisco cite citizen citrix citrus
city civic civil civilian claim clair clamav clamd clamscan clang clap clarify clash class clause claw clay
clean cleaner cleanup clear clearly clerk clever cli click clickhouse client clients cliff climate climb clinic
clip clippy cloak clock clojure clone close closed closely closer closet cloth clothes clothing cloud clown club
clue clung cluster cmake cmd cmp coach coal coalition coarse coast coat cobalt cockroach cockroachdb cocoa
coconut code codec codeql coffee coffin cognitive cognito coil coin cold collapse collar colleague collect
collectd collection collective collector college colonial colony color colord column com combat combination
combine combo come comedy comet comfort comfortable comic comm comma command commander comment commercial
commission commit commitment committee common commonly communicate communication communicator community compact
compaction companion company compare comparison compass compete competition competitive competitor compile
compiler complain complaint complete completely complex complicated comply component compose composer
composition compound comprehensive compress compression compute computer comrade conan conceal concentrate
concentration concept concern conclude conclusion concrete conda condition condo condor conduct cone conf
conference confess confidence confident config configuration configure confine confirm conflict confront
confusion congress conhost conn connect connection connector conquer conscious consensus consent consequence
conservative consider considerable consideration consist consistent console const constant constantly constitute
constitutional constraint construct construction consul consult consultant consume consumer consumption contact
contain container containerd contemporary content contest context continue contour contract contrast contribute
contribution control controller controversial controversy convention conventional conversation convert convey
conviction convince convoy cook cookie cooking cool cooperation coordinator cop cope copy coral cord core
coredns cork corn corner corp corporate corporation corpse correct correspondent corridor cortex cosmic cost
costume cottage cotton couch couchbase couchdb cough could couldn council counselor count counter country counts
county couple courage courier course court courtyard cousin cover cozy cport cqlsh crab craft cramp crane crash
crate crawl crawler crazy crc cream create creation creative creature credential credentials credit creek creep
crept crest crew cri crib cricket crictl crime crio crisis crisp crit criteria critic critical criticism
criticize crl cron cronie crontab crop cross crowd crowdsec crown crucial crude cruel cruise crumb crush crust
cry crystal csh csr csrss css csv ctfmon ctr cube cuda cuisine cultural culture cunning cup cups cupsd curb cure
curious curl currency current currently curriculum curry curse cursor curtain curve cushion custom customer cut
cute cvc cvs cvv cwd cycle cypress cyrus dad daemon daily dairy dam damage damp dance danger dangerous daphne
dare dark darkness darwin dash dashboard dask dat data database datadog dataset datastore date daughter dawn day
days dbname dbpass dbpassword dbt dbus dcron ddr dead deadline deadlock deaf deal dealer dealt dear death debate
debezium debian debris debt debug debut dec decade decay deceive december decent decide decimal decision deck
declare decline decode decoder decor decrease decree decrypt deem deep deeply deer default defeat defect defend
defendant defender defense defensive defer deficit define definitely definition deflate defrag degraded degree
delay dele delegate delete deleted delight deliver delivery delta deluxe demand demo democracy democrat
democratic demonstrate demonstration denied deno dense dentist deny denyhosts denylist department depend
dependabot dependency dependent depending depict deploy deployer deployment deploymentid deposit depot
deprecated depression deps dept depth deputy der derive desc descend describe description descriptor desert
deserve design designer desire desk desperate despite dessert dest destination destiny destroy destruction
detach detail detailed detect detection detector determination determine detour dev develop development device
devid devil devote dew dhclient dhcp dhcpc diag diagnostic diagram dial dialer dialog dialogue diamond diary
dice did didn die diet diff differ difference different differently difficult dig digest digital dim dimension
dine dining dinner dip dir direct direction directly director directory dirt dirty disability disable disabled
disagree disappear disaster discipline disco disconnect discourse discover discovery discrimination discuss
discussion disease dish disk diskpart dism dismal dismiss disorder dispatch dispatcher display dispute distance
distant distcc distinct distinction distinguish distribute distribution district ditch dive dived diverse
diversity divide division divorce django dllhost dlp dna dnf dns dnsmasq do dob doc dock docker dockerd docs
doctor document dodge does doesn dog doing domain dome domestic dominant dominate donate done donkey donor doom
door dose dot dotnet double doubt dough dove dovecot down download downloader downstream downtown downward dozen
draft drag dragon drain drama dramatic dramatically drank draw drawer drawing drawn dread dream dreamt dress
drew drift drill drink drip drive driven driver drone drop dropped drove drug druid drum drunk drupal dry dsn
dstip dstport dual dub duck due duel dug dull dumb dump dune duplex duplicate duplicity durable during dusk dust
duty dvc dwarf dynamic dynamodb dynatrace each eager eagle ear earlier early earn earnest earnings earth ease
easily east eastern easy eat eaten ebb ecc ecdsa echo eclipse economic economics economist economy ecosystem ed
edge edible edit edition editor edu educate education educational educator eel effect effective effectively
efficiency efficient effort egg eight eighteen eighth eighty either elastic elasticsearch elbow elder elderly
elect election electric electricity electron electronic elegant element elementary elevator eleven elf eliminate
elite elixir else elsewhere emacs email embark ember emblem embrace emerg emerge emergency emission emit emitter
emotion emotional emphasis emphasize empire employ employee employer employment empty emqx enable enabled enact
encode encoder encounter encourage encrypt encryption end endpoint endure enemy energy enforce enforcer engage
engagement engine engineer engineering english enjoy enormous enough enqueue enroll ensure enter entire entirely
entity entrance entries entry enum env envelope environment environmental envoy envy epic episode epoch epsv
equal equally equator equipment era erase erlang erode err errand errno error errors erupt esbuild escalate
escape eslint especially essay essence essential essentially establish estate estimate esxcli etag etc etcd
etcdctl eternal ether ethernet ethic ethics ethnic european evade eval evaluate evaluation evaluator even
evening event eventlet eventually eventvwr ever every everybody everyone everything everywhere evict eviction
evidence evil evolution evolve evpid exact exactly exam examination examine example exceed excellent except
exception excess exchange exciting exclude excuse exe exec execute executive executor execve exempt exercise
exhaust exhibit exhibition exile exim exist existence existing exit exotic expand expansion expect expectation
expel expense expensive experience experiment expert expire expired expiry explain explanation explicit explode
exploit exploration explore explorer explosion export exporter expose exposure express expression ext extend
extension extensive extent external extinct extra extract extractor extraordinary extreme extremely eye fable
fabric face facet facility fact factor faculty fade fahrenheit fail fail2ban failed failing failover failure
fair fairly fairy faith falco falcon fall fallback fallen false fame familiar family famous fan fancy fang
fantasy far farewell farm farmer fashion fast fastapi fat fatal fate father fatigue faucet fault favor favorite
fax fcron fear feast feat feather feature feb february fed federal fedora fee feeble feed feel feeling fell
fellow felt female fence ferry fetch fetcher fever few ffmpeg fiber fiction fiddle field fierce fifo fifteen
fifth fifty fig fight figure file filebeat filename files filesystem fill film filter filth fin final finalize
finalizer finally finance financial find finding fine finger finish fire firefox firewall firewalld firm
firmware first fish fishing fit fitness five fix flag flair flake flake8 flame flank flannel flare flash flask
flat flatpak flavor flaw fled flee fleet flesh flew flg flight flink flip float flock flood floor flour flow
flower flown fluentbit fluentd fluff fluid flung flush flusher flute flux fly foam focus foe fog foil fold
folder folk follow following food fool foot football for forbade forbid forbidden force foreign forest forever
forgave forge forget forgiven forgot forgotten fork form formal format formation former formula fort forth
fortify fortune forty forward forwarder fossil fought foul found foundation founder four fourteen fourth fox fpm
fraction fragile fragment frame framework frankly fraud free freebsd freedom freeipa freeze freight frenzy
frequency frequent frequently fresh freshclam fri friday friend friendly friendship frog from front frontend
frost frown froze frozen fruit ftp ftps fuel full fully fume fun function functional fund fundamental funding
funeral fungus funny fur furniture further furthermore fury fuse fuss future fwd gadget gain galaxy gallery
gallon gamble game gang gap garage garbage garden garlic garment gas gasp gate gateway gather gauge gave gay
gaze gb gbps gcc gcm gcp gdm gear gecko gem gender gene general generally generate generation generator genetic
genius genre gentle gentleman gently gentoo genuine geo geocoder germ german gesture get getaddrinfo getpeername
getpwnam getter gevent ghost ghz giant gib gift gifted gige giggle ginger girl git gitea github gitlab give
given glacier glad glance glare glass gleam glide glimpse glitter global globe globus gloom glory glove glow
glue gluster gnome gnupg go goal goat god gofmt golang gold golden golf golint gone good google goose gorilla
goroutine gosec gospel gossip got gotten gov government gown gpg gpm gpresult gpupdate grab grace graceful grade
gradle gradually graduate grafana grain grand grandfather grandmother grant granted grape graph graphite grasp
grass grateful grave gravel gravity gray graylog gre grease great greatest greed green greet grep grew grid
grief grill grim grin grind grip groan grocery groom gross ground group groupadd grove grow growl grown growth
grpc grunt grype guacd guarantee guard guess guest guide guideline guilt guilty guitar guix gulf gum gun
gunicorn gust guy gym gzip habit habitat hack had hadn hadoop hail hair half halt hammer hamster hanami hand
handful handle handler handshake handy hang hapi happen happily happy haproxy harbor hard hardware hare harm
harsh harvest has hash haskell hasn haste hat hatch hate haunt have haven having hawk hay hazard haze hcid hdfs
he head header headline headquarters health healthcheck healthy heap hear heard hearing heart heartbeat heat
heaven heavy hedge heel height heir held hell hello helm helmet helo help helper helpful hem hence her herb herd
here hermit hero heroku herself hex hey hg hibernate hid hidden hide high highlight highly highway hike him
himself hinge hint hip hire his historian historic historical history hit hither hive hmac hobby hockey hog hold
holiday hollow holy home homebrew homeless honest honey honeycomb honor hook hoop hope horizon horn horror horse
hose hospital host hostname hot hotel hotfix hound hour hourly hours house household housing hover how however
howl hr hrs html htpasswd http httpd https hub hug huge hull hum human humble humid hunch hundred hung hunt
hunter hurry hurt husband hut hwaddr hybrid hymn hype hypercorn hyperv hz iad iam iban ibm icache ice icinga
icmp icon id idea ideal identification identify identity idle idoproxydb idsite if iface ifconfig ignite ignore
iis ike ikey ill illegal illness illusion illustrate image imagine imap immune impact imply import importance
important importer impose impossible impress impression impressive improve impulse in inactive inbound inbox
incentive inch incident include including income incomplete incorporate increase incredible increment
incremental incus indeed independence independent index indexer indian indicate indication individual industry
inet inf infant infection inflate inflation influence influxdb info inform information infra ingest ingester
ingestor init initial initialize initializer initially initiative inject injector injury ink inn inner innocent
inode input inquiry insect insecure insert inside insight insist inspect inspector inspire install installer
instance instead institution instr instruction instrument insult insurance int intact integer integration intel
intellectual intelligence intend intense intensity intention interaction interest interesting interface internal
international internet interpret interpretation interrupt interval intervention interview into introduce
introduction invalid invalidate invasion invent inventory invest investigate investigation investigator
investment investor invite invoke invoker involve involved involvement ios iot ip ipaddr ipconfig ipmitool ipsec
iptables ipv iraqi irish iron irony irqbalance is isapnp iscsi islamic island isn iso isort isp israeli issue
issuer istio istioctl it italian itch item items iterator its itself ivory iwlwifi jacket jaeger jaguar jam jan
january japanese jar jasmine java javac jaw jazz jboss jdbc jealous jelly jenkins jest jet jetty jew jewel
jewish jid jitsi job join joint joke jolly joomla journal journalctl journald journalist journey joy json judge
judgment judo juggle juice jul julia july jump jun june jungle junior juniper junk jupyter jupyterhub jury just
justice justify jvm jwt kadmin kafka kali kamailio kaniko karate karma kb kbps kdc kde keep kept keras kerberos
kernel kestrel kettle key keycloak keypad keyring keystore khz kiali kib kibana kid kidney kill killer killing
kind king kiosk kiss kit kitchen kite kitten klogd klogind knee knelt knew knife knock knot know knowledge known
koa koala kopia kotlin krb ksh kube kubeadm kubectl kubeflow kubelet kubernetes kustomize kvm kwin kyc lab label
labor laboratory lace lack ladder lady laid lain lake lamb lambda lament lamp lan lance land landscape lane lang
language lantern lap lapse laravel large largely laser last lat latch late latency later latest latin latter
laugh launch launchctl launchd launcher laundry lava law lawn lawyer lay layer lazy ldap ldaps lead leader
leadership leading leaf league leak lean leant leap leapt learn learnt lease least leather leave lecture led
ledge ledger left leg legacy legal legend legislation legitimate leiningen leisure lemon length lens lent less
lesson lest let letter lettuce level leveldb lever lib liberal library libtool libvirt libvirtd license lid lie
life lifecycle lift light lightdm lightly lightstep like likely likewise lime limit limited limiter limp line
linen lines link linker linkerd linux lion lip liquid list listen listener lit literally literary literature
little live living lizard llm lmdb load loader loan lobby lobster loc local locale localip locate location lock
locked lockout lodge loft log logcheck logdesc logger logic logid login logistics logon logout logrotate
logstash logwatch loki lon lonely long look lookup loop loose lord lose loss lost lot lottery loud lounge love
lovely lover low lower loyal loyalty lpd lsass lsblk lsf lspci lua luck lucky lumber lump lunar lunch lung lure
lush luxury lvl lvm lxc lxd lynis lyrics lz lzma mac macaddress machine macos macports macro mad made magazine
magento magic magicsock magnet maid mail main mainly maintain major majority make maker makeup male mall mamba
mammal man manage management manager mango manifest manner mansion manual manually manufacturer manufacturing
many map maple mapper mapping mar marble march margin mariadb marine mark marker market marketing marriage
married marry marsh mascot mask mass massive mast master match matcher mate material math matlab matomo matter
maven max maximum may maybe maze mb mbps mcpd md mdadm mdtm me meadow meal mean meaning meant meanwhile measure
meat mech mechanism medal media median medical medication medicine medium meet meeting melody melon melt member
membership memcached memory mental mention mentor menu merchant mercy mere merely merge merger merit mesh meson
mess message met meta metadata metal meter method metric metricbeat metrics metro mhz mib microsecond microsoft
mid middle middleware midnight midst might migrate migration migrator mil mild military milk million millisecond
mimir min mind minecraft mini minikube minimum minio minister minor minority mins mint minus minute minutes
miracle mirror mismatch miss missile missing mission mist mistake mix mixture mkd mlflow mmc mnt mobile mocha
mock mode model modem moderate modern modest modify module moist mold mom moment mon monday money mongod mongodb
mongos mongosh monit monitor monk monkey monster month monthly months mood moodle moon mop moral morale more
moreover morning mosquito moss most mostly moth mother motion motivation motive motor mount mountain mouse mouth
move movement movie mqtt mr mrs ms msec msg msgid msiexec msisdn msmpeng mss mtu much mud mule multi multicast
multiple munin murder muscle muse museum mushroom music musical musician muslim must mustard mute mutex mutter
mutual my myid mypy myriad myself mysql mysqli mysterious myth nagios nail naked name named namespace nan nano
nanosecond napkin narrative narrow nasty nat nation national native nats natural nature naval navigationbar navy
ncli near nearly necessary neck nectar need needle negative negotiate negotiation neighbor neighborhood neither
neo4j nerdctl nerve nervous nest net netbsd netlify netsh network networkmanager neutral never nevertheless new
newly newrelic news newspaper next nexus nfs nftables nginx nhost nice nickel night nightly nil nimble nine
nineteen ninety ninja ninth nio nix nlst nmbd no noble nobody nod node nodejs nodemon noise nomad nomination
nominee nonce none nonetheless noodle noon noop nor normal normally north northern nose nosql not notch note
notebook nothing notice notification notifier notify notion notready nouveau nov novel november novice now
nowhere nox npassword npm npx ns nslookup ntfs ntp ntpd nuclear nugget null number numerous nurse nurture nuser
nut nuxt nvidia oak oasis oath oauth obey object objective obligation oblige obscure observation observe
observer obtain obvious obviously ocaml occasion occasionally occupation occupy occur ocean ocserv ocsp oct
october octokit odd odds of off offense offensive offer offering office officer official offline offset often oh
ohm oid oidc oil ok okay okta old olive omit on once one ongoing onion online only onto op opam opcode open
openai openbsd opendkim openldap openrc openscap opensearch openshift openssl opensuse opentelemetry openvpn
opera operate operating operation operator opinion opponent opportunity oppose opposite opposition ops opsgenie
opt optic optimizer option options opts or oracle orange orbit orchard orchestra orchestrator order ordinary org
organ organic organization organize orient orientation origin original originally orphan ospf osquery ossec
ostrich otel other others otherwise otlp otter ought our ourselves out outbound outbox outcome outer outfit
outgoing outlet output outside oval oven over overall overcome overflow overlook override owe owl own owner
ownership oxygen oyster ozone pace pack package packer packet pad paddle page pager pagerduty pages pagination
paid pain painful paint painting pair palace pale palestinian palm pam pan panda panel panic pant pants paper
parade param parameter parcel pardon parent parking parrot parse parser part partial participant participate
participation particular particularly partition partly partner partnership party pass passage passenger passion
passive passwd past pasta paste pastry pasv patch patent path pathping patient patio patrol patron pattern pause
pave paw pay payload payment pb pbkdf pbs pct pdm peace peak pearl peasant pebble pedal peel peer pelican pem
pen penalty pencil pending penguin pension people pepper per perceive percent percentage perception perf perfect
perfectly perfmon perform performance perhaps peril period perk perl permanent permission permit persist person
personal personality personally personnel perspective persuade pest pet petal pfsense pgadmin pgbouncer phantom
phase phenomenon philosophy phone photo photograph photographer php phrase physical physically physician physics
piano pick pickle picture pid pie piece pier pig pigeon pile pill pillar pillow pilot pinch pine ping pink pint
pioneer pip pipe pipeline pipenv pipewire pipx pirate pistol pitch pixel pizza pkcs pkg pkgconfig place plague
plain plan planet plank planner planning plant plasma plastic plate platform play player playwright plaza plea
please pledge plenty plot plow pluck plug plugin plum plump plunge plus pm pnpm pnr pocket podman poem poet
poetry point poison poke polar pole police policy polish political politics polkit poll poller pollution pond
pony pool poor pop poppy popular population porch port portal portion portrait portray pose position positive
possess possession possibility possible possibly post postal postfix postgres postgresql posture pot potato
potential potentially potion pouch poultry pound pour poverty powder power powerful powershell practical
practice prairie prank pray prayer precisely predict preempt preference prefetch prefix prefixlen pregnancy
pregnant preparation prepare presence present presentation preserve president presidential press pressure presto
presumably prettier pretty prevent preview previous previously prey pri price pride priest primarily primary
prime principal principle print printer prior priority prism prisma prison prisoner privacy private privilege
prize pro probably probe problem proc procedure proceed process processor produce producer product production
profession professional professor profile profiler profit proftpd program progress progressive project
prometheus prominent promise promo promote prompt promtail proof propagate proper properly property proportion
proposal propose proposed prose prosecutor prospect prosper protect protection protein protest proto protocol
proton proud prove proved proven provide provider province provision provisioner proxy prtg prune psk psql
psychological psychologist psychology pub public publication publicly publish publisher pull pulsar pulse
pulseaudio pulumi puma pump punch punishment pupil puppet puppeteer puppy purchase pure purge purpose purse
pursue push pushgateway put puzzle pvedaemon pwd pwsh pylint pyramid pyright pytest python pytorch qemu qid qty
quality quarantine quarter quarterback quartz quay queen query quest question queue quic quick quickly quiet
quietly quilt quit quite quorum quota quote r rabbit rabbitmq rabbitmqctl racadm race racial rack radar radeon
radical radio radius raft rage raid rail rails rain rainbow raise rake rally ran ranch rancher rand random rang
range rank rapid rapidly rare rarely rat rate rather rating ratio raven raw ray razor rclone rcpt rdp reach
react reaction read reader reading ready real realistic reality realize really realm reap reaper rear reason
rebalance rebar rebel rebuild rec recall receipt receive receiver recent recently recession recipe recipient
recognize recommend recommendation reconcile reconciler record recording records recover recovery recruit
recycle red redhat redirect redis redo redshift reduce reducer reduction reef ref refer reference refine reflect
reform refresh refs refugee refund refuse refused regard regarding regardless regedit regime region regional
register registry regret regsvr regular regularly regulate regulation rein reinforce reject rejected relate
relation relationship relative relatively relax relay release relevant relic relief religion religious reload
rely remain remaining remarkable remedy remember remind remote remove render renderer renew renewal renovate
rent rental repair repeat repeatedly replace replica replicate replication replicator reply repo report reporter
repository represent representation representative reptile republican reputation req request requester requeue
require requirement res rescue research resemble reservation reserve reset resid resident resign resist
resistance resize resmon resolution resolve resolver resort resource resp respect respond respondent response
responsibility resque rest restart restaurant restic restore restriction result resume ret retain retention
retire retirement retr retreat retrieve retry return reveal revenue revert review revoke revoked revolution
rewrite rhel rhyme rhythm riak rib ribbon rice rich rid ridden ride ridge riemann rifle right rim ring riot rip
ripple rise risen rising risk ritual rival river rkhunter rmd road roar roast robe robin robocopy robot rock
rocket rocksdb rocm rode rodent role roll rollback rollbar rollout rollup romantic roof rookie room rooster root
rootpw rope rose rot rotate rotation rotor rough roughly round route router routine row rows rpc rpm rrn rsa
rspamd rssi rsync rsyslog rtp rtsp rub rubber rubocop ruby ruff rug ruin rule rumor run runc rundll rung runit
runner running runtime rural rush russian rust rustc rustfmt rustup sacctmgr sacred sad saddle safari safe
safety saga sagemaker said sail sake salad salary sale salmon salon salt saltstack salute samba same saml sample
sampler sanction sand sandal sandbox sang sank sardine sat satellite satin satisfaction satisfy saturday sauce
sauna savage save saving saw say sbin sbt scala scale scaler scan scandal scanner scared scarf scatter scavenge
sccache scenario scene scent schedule scheduler schema scheme scholar scholarship school science scientific
scientist scoop scope score scout scp scrap scrape scraper screen script scrub scrypt sculpture scylla sda sddm
sea seal search searchindexer season seat sec second secondary seconds secret secs section sector secure
security see seed seek seem seen segment seize seldom select selection selector selenium self selinux sell
semgrep seminar senate senator send sender sendmail senior sense sensitive sensor sensu sent sentence sentry sep
separate sept september seq sequence serial serialize series serious servant serve server service services ses
session set setgid setter setting settings settle settlement setuid setup setuptools seven seventeen seventh
seventy several severe sewn sex sexual sfc sftp sftpgo sge sh sha shade shadow shaft shake shaken shall shape
shard share shared shark she shed sheep shelf shell shelter sheriff shibboleth shield shift shim shine ship
shirt shiver shock shoe shone shook shoot shop shopify shopping shore short shortly shot should shoulder shouldn
shout show shower shown shrank shrimp shrink shrub shrug shrunk shut shutdown sick side sidecar sidekiq siege
sigh sight sign signal signature signer significant signup sihost silence silent silicon silk silver similar
similarly simple simply sin sinatra since sing single sink sip sir siren sister sit site situation six sixteen
sixth sixty size skaffold skate sketch skey ski skill skin skip sku skull sky slab slam slapd slate slave sled
sleep sleeve slender slept slice slid slide slight slightly slip slit slogan slope slot slow slowly slug slum
slung slurm slurmctld slurmd small smart smartscreen smash smb smbd smell smelt smf smile smoke smooth smss smtp
snack snail snake snap snapd snapshot sneak sniff snmp snore snort snow snowflake snyk so soap soccer social
society sock socket soda sofa soft software sogod soil solar solaris sold soldier sole solid solo solution solve
some somebody somehow someone something sometime sometimes somewhat somewhere son sonar sonarqube song sonic
soon sophisticated sops sorrow sort sought soul sound soup source south southern soviet space spade spamassassin
spamd span spanish spare spark sparrow spat spawn speak spear spec special specialist species specific
specifically spectrum sped speech speed spell spelt spend spent spice spider spike spilt spin spinach spiral
spirit spiritual splash split splunk spoke spoken spokesman sponge spool spoolsv spoon sport spot spouse sprang
spread spring springboot sprint sprung spun spy sql sqlite sqm squad square squeeze squid srcip srcmac srcport
srv ssh sshd sshguard ssid ssl ssn sso sssd stab stability stable stack stadium staff stage staging stain stair
stake stale stall stamp stance stand standard standby stank staple star starch stare starlette start started
starting startup stat state statement static staticcheck station statistics stats statsd statue status
statuspage stay std stderr stdin stdout steady steak steal steam steel steep stem step stew stick stiff still
sting stir stock stole stolen stomach stomp stone stood stool stop stopped stopping stor storage store storm
story stove straight strange stranger strap strapi strategic strategy straw stream streamer street strength
strengthen stress stretch strict strike string strip stripe stroke stroll strong strove struck structure
struggle strung sts stub stuck student studio study stuff stun stung stupid sturdy style su sub subject submit
subnet subscribe subscriber subscription subsequent substance substantial suburb subway succeed succeeded
success successful successfully such sudden suddenly sudo sue suede suffer sufficient sugar suggest suicide suit
suitable sulfur sum summary summer summit sumologic sun sunday sung sunk sunset sup supabase super supervisor
supervisord supply support supporter suppose supposed supreme sure surely surf surface surge surgeon surgery
suricata surprise surprised surprising surprisingly surround survey survival survive survivor suse suspect
suspend sustain svchost svelte svn swam swamp swan swap swarm swear sweat sweep sweeper sweet swept swift swim
swing swipe switch sword swore sworn swum swung syft sym symbol symfony symptom synapse sync syncer syntax syrup
sys sysdig syslog syst system systemctl systemd sysvinit tab table tablet tact tactic tag tail take taken tale
talent talk tall talon tamper tangle tank tap tape tar target tariff task taskhost taskmgr taste taught tavern
tax taxpayer tb tcp tea teach teacher team teamcity tear tease teaspoon technical technique technology teen
teenager tel telecom telegraf telemetry telephone telescope television tell telnet temp temperature template
temple tempo temporary ten tenant tend tender tennis tension tensorboard tensorflow tent tenth term terminal
terminate terms terraform terrain terrible territory terror terrorism terrorist test tester testify testimony
testing tetragon text than thank thanks thanos that the theater their them theme themselves then theory therapy
there thereby therefore therein these they thick thief thigh thin thing think thinking third thirteen thirty
this thorn thoroughly those though thought thousand thread threat threaten three threshold threw thrice thrill
throne throttle through throughout throw thrown thrust thu thumb thunder thursday thus tib tick ticket tid tide
tie tier tiger tight tile tilt timber time timeout timer times timescaledb timestamp tin tiny tip tire tired
tissue title tls tmp tmsh tmux to toast tobacco today toddler toe together toggle toilet token told tomato tomb
tomcat toml tomorrow ton tone tongue tonight too took tool tooth top topaz topic torch tore torn tornado torque
tortoise torus toss total totally touch tough tour tourist tournament toward towel tower town tox toxic toy
trace tracer tracert track tracker trade trading tradition traditional traefik traffic tragedy trail trailer
train trainer training trait tram trance transaction transcript transfer transform transformation transformer
transition translate transport transportation trap trash trauma travel travis tray treat treatment treaty tree
tremor trench trend trial tribe tribute trick trigger trim trino trio trip triple tripwire tritonserver triumph
trivy trod troop trophy tropical trouble trout truce truck true truly trumpet truncate trunk trust truth try ttl
tuba tube tue tuesday tulip tumble tuna tune tunnel tuple turbo turkey turn turtle tusk tutor tv twelve twenty
twice twig twilio twin twine twist twisted two txid txn txt tycoon type typical typically ubnt ubuntu udev udevd
udisks udp ufw ugly ultimate ultimately umami umbrella unable unavailable unbound uncle undefined under
understand understanding understood undertook undone unfortunately unhealthy unicode unicorn uniform union
unique unit united unittest universal universe university unix unknown unless unlike unlikely unlock unmount
unpack unset until unveil up update updater upgrade upload uploader upon upower upper upsd upset upsmon upstart
upstream uptime urban urge uri url us usage usb usbcore use usec useful user useradd userdel userid usermod
username users usher usr usual usually utensil utf util utility uucp uuid uvicorn uwsgi vacation vacuum vagrant
vague valid validate validator valley valuable value valve vampire vanilla vap vapor var variable variation
variety various varnish vast vault vcpkg vector veeam vegetable vehicle vel velero velvet vendor venom venture
venue veracode verb verbose vercel verdict verifier verify vers verse version versus very vessel vest veteran
veto via vibe vibrate vicious victim victoriametrics victorops victory video view viewer vigor villa village vim
vine vinyl violate violence violent violin viper virsh virtio virtual virtually virtue virus vis visa visible
vision visit visitor visual vital vite vivid vlan vmagent vmkernel vmware vmxnet vnc vocal voice void volcano
volt volts volume volunteer vortex vote voucher voyage vpn vpnagentd vsftpd vue vulnerable vxlan wage wagon
waist wait waiter waitress wake walk wall walnut walrus wan wandb wander want war wardrobe warehouse warm warn
warning warrior was wash wasn wasp waste watch watchdog watcher water watt watts wave wax way wayland wazuh we
wealth wealthy weapon wear weasel weather weave web webhook webkit weblogic webpack webrtc websocket websphere
wed wedding wedge wednesday weed week weekend weekly weeks weight weird welcome welfare well went wept were
weren west western weston wet wgengine wget whale what whatever wheat wheel when whence whenever where whereas
wherever whether which while whip whisk whisper whistle white whitelist who whoever whole whom whose why wick
wide widget widow wife wifi wig wild wildfly wildlife will willing win winbind wind window windows wine wing
winget wininit winlogbeat winlogon winner winsxs winter wire wireguard wireplumber wisdom wise wish with within
without witness wizard wmic wmiprvse woke woken wolf woman won wonder wonderful woocommerce wood wooden wool
word wordpress wore work worker workflow workload workspace world worm worn worry worth would wouldn wound wove
woven wrap wrapper wrath wreck wrench wrist write writer writing written wrong wrote wrung ws wsl wss wusa xcopy
xen xfs xid xinetd xml xmlns xmpp xorg xterm yacht yaml yard yarn yawn yeah year yearly years yellow yes
yesterday yet yield yoga yogurt you young your yourself youth yum zabbix zebra zeek zero zfs zig zigzag zinc zip
zipkin zipper zombie zone zookeeper zsh zstd zypper
`;

/** Every word above, lower case. */
export const commonWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter((word) => word !== ''));

// Regular inflections and derivations: the ending, then what the base may end in instead (`retries` -> `retry`).
const endings: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ies', ['y']],
  ['ied', ['y']],
  ['ier', ['y']],
  ['ily', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['er', ['', 'e']],
  ['ers', ['', 'e']],
  ['est', ['', 'e']],
  ['ly', ['']],
  ['ment', ['']],
  ['ness', ['']],
  ['able', ['', 'e']],
  ['less', ['']],
  ['ful', ['']],
];

function hasBase(stem: string, instead: readonly string[]): boolean {
  for (const tail of instead) if (commonWords.has(stem + tail)) return true;
  // A doubled last consonant: `stopped` -> `stop`, `running` -> `run`.
  const last = stem.length - 1;
  return last > 2 && stem[last] === stem[last - 1] && commonWords.has(stem.slice(0, last));
}

// Prefixes that make another word of one (`incorrect`, `unmounted`, `reconnect`, `disallowed`).
const prefixes = ['un', 'in', 'im', 'ir', 'il', 'dis', 're', 'pre', 'non', 'sub', 'over', 'under', 'multi', 'auto'];

function isInflectionOf(lower: string): boolean {
  if (commonWords.has(lower)) return true;
  for (const [ending, instead] of endings) {
    if (lower.length - ending.length >= 3 && lower.endsWith(ending) && hasBase(lower.slice(0, -ending.length), instead))
      return true;
  }
  return false;
}

/** True for a common English word or a log message word, in any case, a regular inflection of one, or one with a
 * prefix that makes another word (`incorrect`, `reconnecting`). */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (isInflectionOf(lower)) return true;
  for (const prefix of prefixes) {
    if (lower.length - prefix.length >= 4 && lower.startsWith(prefix) && isInflectionOf(lower.slice(prefix.length)))
      return true;
  }
  return false;
}

/** True for two common words of 3+ letters written as one (`loginwindow`, `healthcheck`, `keepalive`), and for a daemon
 * named by a word and `d` (`confd`, `dockerd`): the names of programs, not of people. */
export function isWordCompound(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.endsWith('d') && isInflectionOf(lower.slice(0, -1))) return true;
  for (let cut = 3; cut <= lower.length - 3; cut++) {
    if (isInflectionOf(lower.slice(0, cut)) && isInflectionOf(lower.slice(cut))) return true;
  }
  return false;
}
