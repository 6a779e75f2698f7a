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
import { MASQUERADE } from './MASQUERADE.js';
import { NETMAP } from './NETMAP.js';
import { NOTRACK } from './NOTRACK.js';
import { REDIRECT } from './REDIRECT.js';
import { SNAT } from './SNAT.js';
import { SNPT } from './SNPT.js';

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
  MASQUERADE,
  NETMAP,
  NOTRACK,
  REDIRECT,
  SNAT,
  SNPT,
];
