/** Catalog entries, group matches-1 (one import and one list item per extension, sorted). */
import type { ExtensionDef } from '../types.js';
import { addrtype } from './addrtype.js';
import { ah } from './ah.js';
import { bpf } from './bpf.js';
import { cgroup } from './cgroup.js';
import { cluster } from './cluster.js';
import { comment } from './comment.js';
import { connbytes } from './connbytes.js';
import { connlabel } from './connlabel.js';
import { connlimit } from './connlimit.js';
import { connmark } from './connmark.js';
import { conntrack } from './conntrack.js';
import { cpu } from './cpu.js';
import { dccp } from './dccp.js';
import { devgroup } from './devgroup.js';
import { dscp } from './dscp.js';
import { dst } from './dst.js';
import { ecn } from './ecn.js';
import { esp } from './esp.js';
import { eui64 } from './eui64.js';
import { frag } from './frag.js';
import { hashlimit } from './hashlimit.js';
import { hbh } from './hbh.js';
import { helper } from './helper.js';
import { hl } from './hl.js';
import { icmp } from './icmp.js';
import { icmp6 } from './icmp6.js';
import { ipcomp } from './ipcomp.js';
import { iprange } from './iprange.js';
import { ipv6header } from './ipv6header.js';
import { ipvs } from './ipvs.js';
import { state } from './state.js';

export const group: readonly ExtensionDef[] = [
  addrtype,
  ah,
  bpf,
  cgroup,
  cluster,
  comment,
  connbytes,
  connlabel,
  connlimit,
  connmark,
  conntrack,
  cpu,
  dccp,
  devgroup,
  dscp,
  dst,
  ecn,
  esp,
  eui64,
  frag,
  hashlimit,
  hbh,
  helper,
  hl,
  icmp,
  icmp6,
  ipcomp,
  iprange,
  ipv6header,
  ipvs,
  state,
];
