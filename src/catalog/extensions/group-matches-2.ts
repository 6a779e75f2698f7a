/** Catalog entries, group matches-2 (one import and one list item per extension, sorted). */
import type { ExtensionDef } from '../types.js';
import { length } from './length.js';
import { limit } from './limit.js';
import { mac } from './mac.js';
import { mark } from './mark.js';
import { mh } from './mh.js';
import { multiport } from './multiport.js';
import { nfacct } from './nfacct.js';
import { osf } from './osf.js';
import { owner } from './owner.js';
import { physdev } from './physdev.js';
import { pkttype } from './pkttype.js';
import { policy } from './policy.js';
import { quota } from './quota.js';
import { rateest } from './rateest.js';
import { realm } from './realm.js';
import { recent } from './recent.js';
import { rpfilter } from './rpfilter.js';
import { rt } from './rt.js';
import { sctp } from './sctp.js';
import { set } from './set.js';
import { socket } from './socket.js';
import { srh } from './srh.js';
import { statistic } from './statistic.js';
import { string } from './string.js';
import { tcpmss } from './tcpmss.js';
import { time } from './time.js';
import { tos } from './tos.js';
import { ttl } from './ttl.js';
import { u32 } from './u32.js';
import { udp } from './udp.js';

export const group: readonly ExtensionDef[] = [
  length,
  limit,
  mac,
  mark,
  mh,
  multiport,
  nfacct,
  osf,
  owner,
  physdev,
  pkttype,
  policy,
  quota,
  rateest,
  realm,
  recent,
  rpfilter,
  rt,
  sctp,
  set,
  socket,
  srh,
  statistic,
  string,
  tcpmss,
  time,
  tos,
  ttl,
  u32,
  udp,
];
