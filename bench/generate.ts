/**
 * Deterministic generator of kube-proxy-like iptables-save rulesets, for the benchmark.
 *
 * The output imitates what `iptables-save` prints on a busy Kubernetes node running kube-proxy in iptables mode
 * (nat: KUBE-SERVICES → KUBE-SVC-* → KUBE-SEP-* with statistic load balancing and DNAT, KUBE-NODEPORTS → KUBE-EXT-*,
 * KUBE-FW-* for load balancers, KUBE-MARK-MASQ / KUBE-POSTROUTING; filter: KUBE-FORWARD, KUBE-FIREWALL, REJECT for
 * services without endpoints), plus what usually sits beside it on such a node: per-namespace policy chains
 * (conntrack, multiport, recent, limit + LOG), a host allow-list, and mangle MARK rules. Every rule is written in the
 * canonical form iptables-save 1.8.9 prints, so a correct linter should report nothing on these files.
 *
 * Validity, checked by hand on 2026-11-27 (iptables 1.8.9, Debian kernel) with seed 1 and a 2,000-rule sample:
 *   unshare -n iptables-restore --test < rules-2000.v4          → exit 0
 *   unshare -n iptables-legacy-restore --test < rules-2000.v4   → exit 0
 * and the rule lines survive a real load + `iptables-save` unchanged (same canonical form, same order within each
 * chain), so the file is what iptables-save would print. `node dist/bench/generate.js --check 2000` repeats this.
 *
 * Determinism: all choices come from one seeded PRNG (mulberry32); no Math.random, no clock. The same (rules, seed)
 * always yields the same bytes, so timings from different runs and machines compare the same input.
 */
import { spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: tiny, fast, and good enough to pick names and shapes; not for anything cryptographic. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = [
  'default', 'kube-system', 'monitoring', 'ingress-nginx', 'cert-manager', 'logging', 'payments', 'checkout',
  'catalog', 'search', 'identity', 'billing', 'analytics', 'data-platform', 'ml-serving', 'istio-system',
];
const SERVICE_WORDS = [
  'api', 'web', 'frontend', 'backend', 'gateway', 'auth', 'redis', 'postgres', 'kafka', 'zookeeper', 'grafana',
  'prometheus', 'alertmanager', 'loki', 'elasticsearch', 'kibana', 'rabbitmq', 'memcached', 'worker', 'scheduler',
  'orders', 'inventory', 'cart', 'users', 'notifications', 'reports', 'cache', 'search', 'etcd', 'vault',
];
/** Port name, protocol, service port, container port: the shapes real services have. */
const PORTS: ReadonlyArray<readonly [string, 'tcp' | 'udp', number, number]> = [
  ['http', 'tcp', 80, 8080], ['https', 'tcp', 443, 8443], ['grpc', 'tcp', 9090, 9090], ['metrics', 'tcp', 9100, 9100],
  ['dns', 'udp', 53, 53], ['dns-tcp', 'tcp', 53, 53], ['redis', 'tcp', 6379, 6379], ['postgres', 'tcp', 5432, 5432],
  ['kafka', 'tcp', 9092, 9092], ['web', 'tcp', 8080, 8080], ['admin', 'tcp', 8081, 8081], ['syslog', 'udp', 514, 5514],
];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LOG_LEVELS = [6, 7, 5, 4]; // 4 (warning) is the default, which iptables-save leaves out
const LIMITS = ['5/min', '10/min', '3/sec', '1/sec', '30/hour'];

/** Built-in chains of each table, in the order iptables-save prints them. */
const BUILTINS: Record<'filter' | 'nat' | 'mangle', string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};
type TableName = keyof typeof BUILTINS;

class Table {
  readonly chains = new Map<string, string[]>();
  constructor(readonly name: TableName) {
    for (const c of BUILTINS[name]) this.chains.set(c, []);
  }
  declare(chain: string): void {
    if (!this.chains.has(chain)) this.chains.set(chain, []);
  }
  /** Appends `-A chain rest`; the chain must have been declared, so a jump never points at nothing. */
  add(chain: string, rest: string): void {
    const list = this.chains.get(chain);
    if (list === undefined) throw new Error(`generator bug: chain ${chain} not declared in ${this.name}`);
    list.push(`-A ${chain} ${rest}`);
  }
  *lines(): Generator<string> {
    yield `*${this.name}`;
    const builtins = BUILTINS[this.name];
    // iptables-save prints built-ins first, then user chains sorted by name (byte order).
    const user = [...this.chains.keys()].filter((c) => !builtins.includes(c)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const c of builtins) yield `:${c} ACCEPT [0:0]`;
    for (const c of user) yield `:${c} - [0:0]`;
    for (const c of [...builtins, ...user]) yield* this.chains.get(c)!;
    yield 'COMMIT';
  }
}

/** A rule not yet placed: it is committed only when its whole group fits in the remaining budget. */
type Pending = { table: TableName; chain: string; rest: string };

/**
 * iptables stores a statistic probability as round(p × 2^31) and prints it back with 11 decimals; computing the same
 * here gives exactly the text iptables-save would print for kube-proxy's 1/n probabilities.
 */
function probability(p: number): string {
  return (Math.round(p * 0x80000000) / 0x80000000).toFixed(11);
}

export interface GeneratedRuleset {
  /** The file's lines, without newlines. */
  lines: () => Generator<string>;
  rules: number;
}

/** Builds the ruleset model for exactly `rules` rule lines (`-A …`). */
export function buildRuleset(rules: number, seed = 1): GeneratedRuleset {
  if (!Number.isInteger(rules) || rules < 0) throw new RangeError(`rules must be a non-negative integer, got ${rules}`);
  const rnd = createRng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const hash = (): string => {
    let s = '';
    for (let i = 0; i < 16; i++) s += BASE32[Math.floor(rnd() * 32)];
    return s;
  };

  const tables: Record<TableName, Table> = { mangle: new Table('mangle'), filter: new Table('filter'), nat: new Table('nat') };
  let budget = rules;
  const commit = (group: Pending[]): boolean => {
    if (group.length > budget) return false;
    for (const r of group) tables[r.table].add(r.chain, r.rest);
    budget -= group.length;
    return true;
  };

  // The fixed skeleton kube-proxy (and a typical host firewall) installs, declared up front so every jump resolves.
  const { mangle, filter, nat } = tables;
  for (const c of ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY', 'QOS-CLASSIFY']) mangle.declare(c);
  for (const c of [
    'KUBE-EXTERNAL-SERVICES', 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-KUBELET-CANARY', 'KUBE-NODEPORTS',
    'KUBE-PROXY-CANARY', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES', 'HOST-ALLOW', 'HOST-SSH', 'LOG-DROP',
  ]) filter.declare(c);
  for (const c of [
    'KUBE-KUBELET-CANARY', 'KUBE-MARK-DROP', 'KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING',
    'KUBE-PROXY-CANARY', 'KUBE-SERVICES',
  ]) nat.declare(c);

  const skeleton: Pending[] = [
    { table: 'mangle', chain: 'PREROUTING', rest: '-j QOS-CLASSIFY' },
    { table: 'mangle', chain: 'POSTROUTING', rest: '-o eth0 -p udp -m udp --dport 4789 -j MARK --set-xmark 0x1/0x1' },
    { table: 'filter', chain: 'INPUT', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL' },
    { table: 'filter', chain: 'INPUT', rest: '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS' },
    { table: 'filter', chain: 'INPUT', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES' },
    { table: 'filter', chain: 'INPUT', rest: '-j KUBE-FIREWALL' },
    { table: 'filter', chain: 'INPUT', rest: '-i lo -j ACCEPT' },
    { table: 'filter', chain: 'INPUT', rest: '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT' },
    { table: 'filter', chain: 'INPUT', rest: '-p tcp -m tcp --dport 22 -j HOST-SSH' },
    { table: 'filter', chain: 'INPUT', rest: '-j HOST-ALLOW' },
    { table: 'filter', chain: 'INPUT', rest: '-p icmp -m icmp --icmp-type 8 -m limit --limit 10/sec -j ACCEPT' },
    { table: 'filter', chain: 'FORWARD', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL' },
    { table: 'filter', chain: 'FORWARD', rest: '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD' },
    { table: 'filter', chain: 'FORWARD', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES' },
    { table: 'filter', chain: 'FORWARD', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES' },
    { table: 'filter', chain: 'OUTPUT', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL' },
    { table: 'filter', chain: 'OUTPUT', rest: '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES' },
    { table: 'filter', chain: 'OUTPUT', rest: '-j KUBE-FIREWALL' },
    { table: 'filter', chain: 'KUBE-FIREWALL', rest: '! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP' },
    { table: 'filter', chain: 'KUBE-FORWARD', rest: '-m conntrack --ctstate INVALID -j DROP' },
    { table: 'filter', chain: 'KUBE-FORWARD', rest: '-m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT' },
    { table: 'filter', chain: 'KUBE-FORWARD', rest: '-m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT' },
    { table: 'filter', chain: 'HOST-SSH', rest: '-m conntrack --ctstate NEW -m recent --set --name SSH --mask 255.255.255.255 --rsource' },
    { table: 'filter', chain: 'HOST-SSH', rest: '-m conntrack --ctstate NEW -m recent --update --seconds 60 --hitcount 4 --name SSH --mask 255.255.255.255 --rsource -j LOG-DROP' },
    { table: 'filter', chain: 'HOST-SSH', rest: '-j ACCEPT' },
    { table: 'filter', chain: 'LOG-DROP', rest: '-m limit --limit 5/min -j LOG --log-prefix "iptables dropped: " --log-level 7' },
    { table: 'filter', chain: 'LOG-DROP', rest: '-j DROP' },
    { table: 'nat', chain: 'PREROUTING', rest: '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES' },
    { table: 'nat', chain: 'OUTPUT', rest: '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES' },
    { table: 'nat', chain: 'POSTROUTING', rest: '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING' },
    { table: 'nat', chain: 'KUBE-MARK-DROP', rest: '-j MARK --set-xmark 0x8000/0x8000' },
    { table: 'nat', chain: 'KUBE-MARK-MASQ', rest: '-j MARK --set-xmark 0x4000/0x4000' },
    { table: 'nat', chain: 'KUBE-POSTROUTING', rest: '-m mark ! --mark 0x4000/0x4000 -j RETURN' },
    { table: 'nat', chain: 'KUBE-POSTROUTING', rest: '-j MARK --set-xmark 0x4000/0x0' },
    { table: 'nat', chain: 'KUBE-POSTROUTING', rest: '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully' },
  ];
  for (const r of skeleton) if (!commit([r])) break;

  // Addresses are handed out in sequence (wrapping) so they look like real allocations and stay valid dotted quads.
  let clusterIp = 0;
  let podIp = 0;
  let lbIp = 0;
  const nextClusterIp = (): string => {
    const n = clusterIp++ % (16 * 65536 - 2) + 1;
    return `10.${96 + (n >>> 16)}.${(n >>> 8) & 255}.${n & 255}`;
  };
  const nextPodIp = (): string => {
    const n = podIp++ % (65536 - 2) + 1;
    return `10.244.${(n >>> 8) & 255}.${n & 255}`;
  };
  const nextLbIp = (): string => {
    const n = lbIp++ % 254;
    return `203.0.113.${n + 1}`;
  };

  let serial = 0;
  const policied = new Set<string>();
  while (budget > 0) {
    serial++;
    const ns = serial <= NAMESPACES.length * 4 ? pick(NAMESPACES) : `team-${int(1, Math.max(1, Math.floor(serial / 40)))}`;
    const svc = `${pick(SERVICE_WORDS)}-${serial}`;
    const [portName, proto, port, targetPort] = pick(PORTS);
    const id = `${ns}/${svc}:${portName}`;
    const ip = nextClusterIp();
    const group: Pending[] = [];
    const chains: Array<[TableName, string]> = [];
    const roll = rnd();
    const match = `-p ${proto} -m ${proto}`;

    if (roll < 0.05) {
      // A service with no ready endpoints: kube-proxy rejects its traffic in filter.
      group.push({ table: 'filter', chain: 'KUBE-SERVICES', rest: `-d ${ip}/32 -p ${proto} -m comment --comment "${id} has no endpoints" -m ${proto} --dport ${port} -j REJECT --reject-with icmp-port-unreachable` });
    } else {
      // Mostly 1–3 endpoints, a long tail of big deployments.
      const endpoints = rnd() < 0.9 ? int(1, 3) : int(4, 40);
      const svcChain = `KUBE-SVC-${hash()}`;
      chains.push(['nat', svcChain]);
      group.push({ table: 'nat', chain: 'KUBE-SERVICES', rest: `-d ${ip}/32 -p ${proto} -m comment --comment "${id} cluster IP" -m ${proto} --dport ${port} -j ${svcChain}` });
      group.push({ table: 'nat', chain: svcChain, rest: `! -s 10.244.0.0/16 -d ${ip}/32 -p ${proto} -m comment --comment "${id} cluster IP" -m ${proto} --dport ${port} -j KUBE-MARK-MASQ` });
      for (let e = 0; e < endpoints; e++) {
        const pod = nextPodIp();
        const sep = `KUBE-SEP-${hash()}`;
        chains.push(['nat', sep]);
        const left = endpoints - e;
        const lb = left > 1 ? ` -m statistic --mode random --probability ${probability(1 / left)}` : '';
        group.push({ table: 'nat', chain: svcChain, rest: `-m comment --comment "${id} -> ${pod}:${targetPort}"${lb} -j ${sep}` });
        group.push({ table: 'nat', chain: sep, rest: `-s ${pod}/32 -m comment --comment "${id}" -j KUBE-MARK-MASQ` });
        group.push({ table: 'nat', chain: sep, rest: `-p ${proto} -m comment --comment "${id}" -m ${proto} -j DNAT --to-destination ${pod}:${targetPort}` });
      }
      const kind = rnd();
      if (kind < 0.35) {
        // NodePort (and LoadBalancer, which is a NodePort too): traffic from outside enters through KUBE-EXT-*.
        const ext = `KUBE-EXT-${hash()}`;
        chains.push(['nat', ext]);
        const nodePort = int(30000, 32767);
        group.push({ table: 'nat', chain: 'KUBE-NODEPORTS', rest: `-p ${proto} -m comment --comment "${id}" -m ${proto} --dport ${nodePort} -j ${ext}` });
        group.push({ table: 'nat', chain: ext, rest: `-m comment --comment "masquerade traffic for ${id} external destinations" -j KUBE-MARK-MASQ` });
        group.push({ table: 'nat', chain: ext, rest: `-j ${svcChain}` });
        if (kind < 0.1) {
          const fw = `KUBE-FW-${hash()}`;
          chains.push(['nat', fw]);
          const lbAddr = nextLbIp();
          group.push({ table: 'nat', chain: 'KUBE-SERVICES', rest: `-d ${lbAddr}/32 -p ${proto} -m comment --comment "${id} loadbalancer IP" -m ${proto} --dport ${port} -j ${fw}` });
          group.push({ table: 'nat', chain: fw, rest: `-s 198.51.100.0/24 -m comment --comment "${id} loadbalancer IP" -j ${ext}` });
          group.push({ table: 'nat', chain: fw, rest: `-m comment --comment "${id} loadbalancer IP" -j KUBE-MARK-DROP` });
          group.push({ table: 'filter', chain: 'KUBE-PROXY-FIREWALL', rest: `-d ${lbAddr}/32 -p ${proto} -m comment --comment "${id} traffic not accepted by ${fw}" -m ${proto} --dport ${port} -j DROP` });
        }
      }
    }

    if (rnd() < 0.2) {
      group.push({ table: 'mangle', chain: 'QOS-CLASSIFY', rest: `-d ${ip}/32 ${match} --dport ${port} -m comment --comment "${id} qos" -j MARK --set-xmark 0x${int(1, 15).toString(16)}0/0xf0` });
    }

    // One ingress policy chain per namespace, the first time the namespace shows up.
    if (!policied.has(ns)) {
      const pol = `NETPOL-${hash()}`;
      const subnet = `10.244.${int(0, 255)}.0/24`;
      const tag = ns.replace(/[^a-z0-9]/g, '').slice(0, 12);
      const ports = [80, 443, 8080, 8443, 9090, 9100].filter(() => rnd() < 0.6);
      if (ports.length === 0) ports.push(443);
      chains.push(['filter', pol]);
      group.push({ table: 'filter', chain: 'KUBE-FORWARD', rest: `-d ${subnet} -m comment --comment "${ns} ingress policy" -j ${pol}` });
      group.push({ table: 'filter', chain: pol, rest: '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT' });
      group.push({ table: 'filter', chain: pol, rest: `-s ${subnet} -p tcp -m multiport --dports ${ports.join(',')} -m comment --comment "${ns} allow same namespace" -j ACCEPT` });
      group.push({ table: 'filter', chain: pol, rest: `-p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name ssh_${tag} --mask 255.255.255.255 --rsource` });
      group.push({ table: 'filter', chain: pol, rest: `-p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds ${pick([30, 60, 120])} --hitcount ${int(3, 8)} --name ssh_${tag} --mask 255.255.255.255 --rsource -j DROP` });
      const level = pick(LOG_LEVELS);
      group.push({ table: 'filter', chain: pol, rest: `-m limit --limit ${pick(LIMITS)} -j LOG --log-prefix "netpol ${tag} drop: "${level === 4 ? '' : ` --log-level ${level}`}` });
      group.push({ table: 'filter', chain: pol, rest: '-j DROP' });
    }

    if (group.length <= budget) {
      for (const [t, c] of chains) tables[t].declare(c);
      commit(group);
      if (!policied.has(ns) && group.some((r) => r.chain.startsWith('NETPOL-'))) policied.add(ns);
      continue;
    }

    // The last service does not fit: fill the exact remainder with one-rule host allow-list entries.
    while (budget > 0) {
      const host = `192.0.2.${int(1, 254)}`;
      const shape = rnd();
      if (shape < 0.5) {
        commit([{ table: 'filter', chain: 'HOST-ALLOW', rest: `-s ${host}/32 -p tcp -m multiport --dports 22,443,6443 -m comment --comment "admin workstation" -j ACCEPT` }]);
      } else if (shape < 0.8) {
        commit([{ table: 'filter', chain: 'HOST-ALLOW', rest: `-s ${host}/32 -p tcp -m tcp --dport 10250 -m conntrack --ctstate NEW -j ACCEPT` }]);
      } else {
        commit([{ table: 'filter', chain: 'HOST-ALLOW', rest: `-s ${host}/32 -m limit --limit 1/sec -j LOG --log-prefix "host-allow ${host}: "` }]);
      }
    }
  }

  const stamp = 'Fri Nov 27 08:00:00 2026';
  return {
    rules,
    *lines() {
      for (const t of [mangle, filter, nat]) {
        yield `# Generated by iptables-save v1.8.9 (nf_tables) on ${stamp}`;
        yield* t.lines();
        yield `# Completed on ${stamp}`;
      }
    },
  };
}

/** The whole file as one string (fine up to a few million rules; V8's string limit is about 512 MiB). */
export function generateRuleset(rules: number, seed = 1): string {
  const out: string[] = [];
  for (const line of buildRuleset(rules, seed).lines()) out.push(line);
  out.push('');
  return out.join('\n');
}

/** Writes the file to a descriptor in chunks, without ever holding it as one string. */
export function writeRuleset(fd: number, rules: number, seed = 1): number {
  let chunk: string[] = [];
  let size = 0;
  let bytes = 0;
  const flush = (): void => {
    const buf = Buffer.from(chunk.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
    bytes += buf.length;
    chunk = [];
    size = 0;
  };
  for (const line of buildRuleset(rules, seed).lines()) {
    chunk.push(line, '\n');
    size += line.length + 1;
    if (size > 1 << 20) flush();
  }
  flush();
  return bytes;
}

/**
 * Loads `text` into throwaway network namespaces with the real binaries and reports what they said. Used by
 * `--check` so the validity claim in this file's header can be re-verified on any machine with iptables and root.
 */
export function checkWithIptables(text: string): Array<{ command: string; status: number | null; stderr: string }> {
  const results: Array<{ command: string; status: number | null; stderr: string }> = [];
  for (const cmd of ['iptables-restore --test', 'iptables-legacy-restore --test']) {
    const r = spawnSync('unshare', ['-n', ...cmd.split(' ')], { input: text, encoding: 'utf8' });
    results.push({ command: `unshare -n ${cmd}`, status: r.error ? null : r.status, stderr: r.error ? String(r.error) : r.stderr });
  }
  // Round trip: load for real, save, and compare each chain's rule lines, in order, with what we generated.
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'iptables-restore && iptables-save'], { input: text, encoding: 'utf8', maxBuffer: 1 << 30 });
  const byChain = (s: string): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    let table = '';
    for (const l of s.split('\n')) {
      if (l.startsWith('*')) table = l;
      if (!l.startsWith('-A ')) continue;
      const key = `${table} ${l.split(' ', 2)[1]}`;
      let list = m.get(key);
      if (!list) m.set(key, (list = []));
      list.push(l);
    }
    return m;
  };
  const want = byChain(text);
  const got = r.status === 0 ? byChain(r.stdout) : new Map<string, string[]>();
  const diffs: string[] = [];
  for (const [key, lines] of want) {
    const saved = got.get(key) ?? [];
    lines.forEach((l, i) => {
      if (saved[i] !== l) diffs.push(`${key}: generated ${l}\n     saved     ${saved[i] ?? '(nothing)'}`);
    });
  }
  results.push({
    command: 'unshare -n sh -c "iptables-restore && iptables-save" (round trip)',
    status: r.status === 0 && diffs.length === 0 ? 0 : 1,
    stderr: r.status !== 0 ? r.stderr : diffs.slice(0, 5).join('\n'),
  });
  return results;
}

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--check');
  const check = args.length !== argv.length;
  const rules = Number(args[0] ?? '10000');
  const seed = Number(args[1] ?? '1');
  if (!Number.isInteger(rules) || rules < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node dist/bench/generate.js [--check] RULES [SEED] > FILE\n');
    return 2;
  }
  if (!check) {
    writeRuleset(1, rules, seed);
    return 0;
  }
  let failed = 0;
  for (const r of checkWithIptables(generateRuleset(rules, seed))) {
    process.stdout.write(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${r.command} (exit ${r.status})\n`);
    if (r.status !== 0) {
      failed++;
      if (r.stderr) process.stdout.write(r.stderr.replace(/^/gm, '     ') + '\n');
    }
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
