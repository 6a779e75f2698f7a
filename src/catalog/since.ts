/**
 * The iptables userspace release that introduced an extension, or an option
 * added to an extension after the extension itself. IPT501 flags a rule that
 * uses one of these when the save header or `--iptables-version` names an
 * older iptables: that iptables does not know the name and rejects the file.
 *
 * Only extensions of iptables 1.8.9 that appeared after 1.4.0 are listed, and
 * only where the release can be pinned down. A `since` that is too high makes
 * a false error, which is worse than a missed one, so every entry is the
 * earliest release that can have had the feature: where the evidence only says
 * "not in release A, present in release B", the entry names the first release
 * after A (a lower bound, said so in its note). Anything unsure is left out.
 *
 * Evidence, cited per entry by these keys:
 * - `suse`: openSUSE's iptables.changes, where the iptables maintainer of the
 *   time summarised each upstream release as the package was updated (entries
 *   for 1.4.9 through 1.8.7). An item there was new in that release, absent
 *   from the release the package was updated from.
 * - `shortlog`: netfilter.org's changes-iptables-X.txt, the commit list of one
 *   release; a commit "add X" there was made after release X-1.
 * - `debian`: debian/changelog of the 1.8.9 source package.
 * - `kernel`: the date the kernel side was committed; the userspace part
 *   cannot be in a release made before the kernel interface existed. These are
 *   background knowledge, used only to bound an entry from below.
 */
import type { Family } from './types.js';

export interface SinceEntry {
  kind: 'match' | 'target';
  /** The name after -m or -j. */
  extension: string;
  /** Long option name without dashes; absent: the extension itself. */
  option?: string;
  /** Only for this family (the other family got it at another time or earlier). */
  family?: Family;
  /**
   * The first iptables release that has it, or a lower bound (see `note`).
   * Three parts only: the save-header reader keeps `major.minor.patch`
   * (v1.4.19.1 reads as 1.4.19), so a four-part value would flag the very
   * release it names.
   */
  since: string;
  /** Where the date comes from, and whether it is exact or a lower bound. */
  note: string;
}

export const SINCE: readonly SinceEntry[] = [
  // --- 1.4.6
  { kind: 'match', extension: 'osf', since: '1.4.6', note: 'shortlog 1.4.6: "extensions: add osf extension"' },

  // --- 1.4.9
  { kind: 'target', extension: 'LED', since: '1.4.9', note: 'shortlog 1.4.9: "extensions: add the LED target"; suse 1.4.9 lists it as new' },

  // --- 1.4.10: "the release for the Linux 2.6.36 kernel"
  { kind: 'match', extension: 'cpu', since: '1.4.10', note: 'suse 1.4.10 (update from 1.4.9.1): support for the cpu match' },
  { kind: 'match', extension: 'ipvs', since: '1.4.10', note: 'suse 1.4.10: support for the ipvs match' },
  { kind: 'target', extension: 'IDLETIMER', since: '1.4.10', note: 'suse 1.4.10: support for the IDLETIMER target' },
  { kind: 'target', extension: 'CHECKSUM', since: '1.4.10', note: 'suse 1.4.10: support for the CHECKSUM target' },

  // --- 1.4.11
  {
    kind: 'target',
    extension: 'TPROXY',
    family: 'ipv6',
    since: '1.4.11',
    note: 'debian 1.4.11.1-1 (update from 1.4.10): upstream added IPv6 TPROXY (Debian bug 529954); kernel IPv6 TPROXY is Linux 2.6.37, after 1.4.10; lower bound, it may be 1.4.11.1',
  },

  // --- 1.4.12 / 1.4.13
  { kind: 'match', extension: 'rpfilter', since: '1.4.13', note: 'suse 1.4.13: adds the rpfilter extension' },
  { kind: 'match', extension: 'nfacct', since: '1.4.13', note: 'suse 1.4.13: adds the nfacct extension' },
  { kind: 'match', extension: 'ecn', family: 'ipv6', since: '1.4.13', note: 'suse 1.4.13: adds IPv6 ECN (the ecn match was IPv4-only before)' },
  {
    kind: 'match',
    extension: 'recent',
    option: 'reap',
    since: '1.4.12',
    note: 'lower bound: suse lists "libxt_recent: Add support for --reap" as new in a master snapshot (v1.4.12.2-28) over a 1.4.12.1 stable snapshot, so 1.4.12 and older lack it; most likely 1.4.13, but 1.4.12.2 cannot be ruled out and four-part bounds are avoided (see `since`)',
  },

  // --- 1.4.14
  { kind: 'target', extension: 'CT', option: 'timeout', since: '1.4.14', note: 'suse 1.4.14: CT target attaches cttimeout policies' },
  {
    kind: 'target',
    extension: 'HMARK',
    since: '1.4.14',
    note: 'lower bound: kernel xt_HMARK was committed in May 2012, after 1.4.13 (March 2012, whose suse entry does not list it)',
  },

  // --- 1.4.15
  { kind: 'match', extension: 'recent', option: 'mask', since: '1.4.15', note: 'suse 1.4.15: "libxt_recent: add --mask netmask"' },
  {
    kind: 'match',
    extension: 'time',
    option: 'contiguous',
    since: '1.4.15',
    note: 'lower bound: the kernel flag was committed in September 2012 (Linux 3.7), after 1.4.14 (May 2012); it may be 1.4.16 or 1.4.17',
  },

  // --- 1.4.19: connlabel and bpf, new in the suse update from 1.4.18 to 1.4.19.1
  { kind: 'match', extension: 'connlabel', since: '1.4.19', note: 'suse 1.4.19.1 (update from 1.4.18): new connlabel match; lower bound, 1.4.19.1 was a build fix of 1.4.19' },
  { kind: 'match', extension: 'bpf', since: '1.4.19', note: 'suse 1.4.19.1 (update from 1.4.18): new bpf match; lower bound, 1.4.19.1 was a build fix of 1.4.19' },

  // --- 1.4.20: set match revision 3, element counters
  ...(['packets-eq', 'packets-lt', 'packets-gt', 'bytes-eq', 'bytes-lt', 'bytes-gt', 'update-counters', 'update-subcounters'] as const).map(
    (option): SinceEntry => ({
      kind: 'match',
      extension: 'set',
      option,
      since: '1.4.20',
      note: 'shortlog and suse 1.4.20: "a new revision for the set match with the counters support"',
    }),
  ),

  // --- 1.4.21
  { kind: 'target', extension: 'SYNPROXY', since: '1.4.21', note: 'suse 1.4.21: SYNPROXY support' },
  { kind: 'match', extension: 'socket', option: 'nowildcard', since: '1.4.21', note: 'suse 1.4.21: --nowildcard option for xt_socket' },

  // --- 1.6.0: the release after 1.4.21 (November 2013)
  {
    kind: 'match',
    extension: 'cgroup',
    since: '1.6.0',
    note: 'lower bound: kernel xt_cgroup was committed on 2014-01-03, after 1.4.21 (November 2013); the next release was 1.6.0',
  },
  {
    kind: 'match',
    extension: 'ipcomp',
    since: '1.6.0',
    note: 'lower bound: kernel xt_ipcomp was committed on 2013-12-24, after 1.4.21; the next release was 1.6.0',
  },
  {
    kind: 'target',
    extension: 'SNAT',
    option: 'random-fully',
    since: '1.6.0',
    note: 'lower bound: full port randomisation reached the kernel with the nf-next merge of 2014-01-05, after 1.4.21',
  },
  {
    kind: 'target',
    extension: 'MASQUERADE',
    option: 'random-fully',
    family: 'ipv4',
    since: '1.6.0',
    note: 'lower bound: full port randomisation reached the kernel with the nf-next merge of 2014-01-05, after 1.4.21',
  },

  // --- 1.6.1
  { kind: 'match', extension: 'cgroup', option: 'path', since: '1.6.1', note: 'suse 1.6.1: support for cgroup2 path matching (cgroup revision 1)' },
  {
    kind: 'match',
    extension: 'bpf',
    option: 'object-pinned',
    since: '1.6.1',
    note: 'lower bound: pinned eBPF objects need xt_bpf revision 1, committed to the kernel in December 2016, after 1.6.0 (December 2015)',
  },

  // --- 1.6.2
  { kind: 'match', extension: 'srh', since: '1.6.2', note: 'suse 1.6.2: support for the srh match' },
  { kind: 'match', extension: 'hashlimit', option: 'hashlimit-rate-match', since: '1.6.2', note: 'suse 1.6.2: rate match mode for the hashlimit match' },
  { kind: 'match', extension: 'hashlimit', option: 'hashlimit-rate-interval', since: '1.6.2', note: 'suse 1.6.2: rate match mode for the hashlimit match' },
  {
    kind: 'target',
    extension: 'MASQUERADE',
    option: 'random-fully',
    family: 'ipv6',
    since: '1.6.2',
    note: 'suse 1.6.2: random-fully for MASQUERADE; IPv4 MASQUERADE had it since 1.6.0, so this is the IPv6 one',
  },

  // --- 1.8.5
  { kind: 'target', extension: 'IDLETIMER', option: 'alarm', since: '1.8.5', note: 'suse 1.8.5: "IDLETIMER: Add alarm timer option"' },
];

function key(kind: string, extension: string, option: string | undefined): string {
  return `${kind}\u0000${extension}\u0000${option ?? ''}`;
}

const index = new Map<string, SinceEntry[]>();
for (const entry of SINCE) {
  const k = key(entry.kind, entry.extension, entry.option);
  const list = index.get(k);
  if (list) list.push(entry);
  else index.set(k, [entry]);
}

function lookup(k: string, family: Family): SinceEntry | undefined {
  const list = index.get(k);
  if (!list) return undefined;
  // An entry for the rule's own family is more precise than one for both.
  return list.find((e) => e.family === family) ?? list.find((e) => !e.family);
}

/** When the extension itself appeared in iptables, for this family; undefined: before 1.4.0 or unknown. */
export function extensionSince(kind: 'match' | 'target', extension: string, family: Family): SinceEntry | undefined {
  return lookup(key(kind, extension, undefined), family);
}

/** When an option appeared, if later than its extension; undefined: with the extension, or unknown. */
export function optionSince(kind: 'match' | 'target', extension: string, option: string, family: Family): SinceEntry | undefined {
  return lookup(key(kind, extension, option), family);
}

