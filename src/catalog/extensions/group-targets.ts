/** Catalog entries, group targets (one import and one list item per extension, sorted). */
// Targets whose lower-cased name is also a match (CONNMARK and connmark, …) live in
// <NAME>-target.ts: file names differing only in case break tsc and case-insensitive checkouts.
import type { ExtensionDef } from '../types.js';
import { AUDIT } from './AUDIT.js';
import { CHECKSUM } from './CHECKSUM.js';
import { CLASSIFY } from './CLASSIFY.js';
import { CLUSTERIP } from './CLUSTERIP.js';
import { CONNMARK } from './CONNMARK-target.js';
import { CONNSECMARK } from './CONNSECMARK.js';
import { CT } from './CT.js';
import { DNAT } from './DNAT.js';
import { DNPT } from './DNPT.js';
import { DSCP } from './DSCP-target.js';
import { ECN } from './ECN-target.js';
import { HL } from './HL-target.js';
import { HMARK } from './HMARK.js';
import { IDLETIMER } from './IDLETIMER.js';
import { LED } from './LED.js';
import { LOG } from './LOG.js';
import { MARK } from './MARK-target.js';
import { MASQUERADE } from './MASQUERADE.js';
import { NETMAP } from './NETMAP.js';
import { NFLOG } from './NFLOG.js';
import { NFQUEUE } from './NFQUEUE.js';
import { NOTRACK } from './NOTRACK.js';
import { RATEEST } from './RATEEST-target.js';
import { REDIRECT } from './REDIRECT.js';
import { REJECT } from './REJECT.js';
import { SECMARK } from './SECMARK.js';
import { SET } from './SET-target.js';
import { SNAT } from './SNAT.js';
import { SNPT } from './SNPT.js';
import { SYNPROXY } from './SYNPROXY.js';
import { TCPMSS } from './TCPMSS-target.js';
import { TCPOPTSTRIP } from './TCPOPTSTRIP.js';
import { TEE } from './TEE.js';
import { TOS } from './TOS-target.js';
import { TPROXY } from './TPROXY.js';
import { TRACE } from './TRACE.js';
import { TTL } from './TTL-target.js';
import { ULOG } from './ULOG.js';
import { standardTarget } from './standard.js';

export const group: readonly ExtensionDef[] = [
  AUDIT,
  CHECKSUM,
  CLASSIFY,
  CLUSTERIP,
  CONNMARK,
  CONNSECMARK,
  CT,
  DNAT,
  DNPT,
  DSCP,
  ECN,
  HL,
  HMARK,
  IDLETIMER,
  LED,
  LOG,
  MARK,
  MASQUERADE,
  NETMAP,
  NFLOG,
  NFQUEUE,
  NOTRACK,
  RATEEST,
  REDIRECT,
  REJECT,
  SECMARK,
  SET,
  SNAT,
  SNPT,
  SYNPROXY,
  TCPMSS,
  TCPOPTSTRIP,
  TEE,
  TOS,
  TPROXY,
  TRACE,
  TTL,
  ULOG,
  standardTarget,
];
