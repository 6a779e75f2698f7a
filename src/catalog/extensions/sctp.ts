import { portOptions } from './port-options.js';
import type { ExtensionDef, ValueProblem } from '../types.js';

// Chunk names iptables knows, with the flag letters each one may carry (upper case:
// the flag must be set, lower case: it must be clear).
const CHUNK_FLAGS: Record<string, string> = {
  DATA: 'IUBE',
  INIT: '',
  INIT_ACK: '',
  SACK: '',
  HEARTBEAT: '',
  HEARTBEAT_ACK: '',
  ABORT: 'T',
  SHUTDOWN: '',
  SHUTDOWN_ACK: '',
  ERROR: '',
  COOKIE_ECHO: '',
  COOKIE_ACK: '',
  ECN_ECNE: '',
  ECN_CWR: '',
  SHUTDOWN_COMPLETE: 'T',
  I_DATA: 'IUBE',
  RE_CONFIG: '',
  PAD: '',
  ASCONF: '',
  ASCONF_ACK: '',
  FORWARD_TSN: '',
  I_FORWARD_TSN: '',
};

function validateChunks(text: string): ValueProblem[] {
  const upper = text.toUpperCase();
  if (upper === 'ALL' || upper === 'NONE') return [];
  const problems: ValueProblem[] = [];
  let at = 0;
  // strtok skips empty pieces, so stray commas are harmless.
  for (const piece of text.split(',')) {
    const colon = piece.indexOf(':');
    const name = (colon < 0 ? piece : piece.slice(0, colon)).toUpperCase();
    const flags = colon < 0 ? '' : piece.slice(colon + 1);
    const allowed = CHUNK_FLAGS[name];
    if (piece === '') {
      // nothing
    } else if (allowed === undefined) {
      problems.push({ message: `unknown SCTP chunk type \`${name}\``, start: at, end: at + piece.length });
    } else {
      for (const f of flags) {
        // iptables looks each letter up in a pattern padded with `-`, so `-` always passes.
        if (f !== '-' && !allowed.includes(f.toUpperCase())) {
          problems.push({
            message: allowed
              ? `chunk ${name} has no flag \`${f}\` (flags: ${allowed})`
              : `chunk ${name} takes no flags`,
            start: at,
            end: at + piece.length,
          });
          break;
        }
      }
    }
    at += piece.length + 1;
  }
  return problems;
}

export const sctp: ExtensionDef = {
  name: 'sctp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches SCTP ports and chunk types; loaded by `-p sctp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['sctp'],
  options: [
    ...portOptions(),
    {
      name: 'chunk-types',
      args: [
        { kind: 'enum', choices: ['all', 'any', 'only'], caseInsensitive: true, label: 'all|any|only' },
        { kind: 'custom', label: 'chunk[:flags][,chunk...]', validate: validateChunks },
      ],
      invert: true,
      summary: 'The packet contains all, any, or only the listed chunk types (with optional flag tests).',
    },
  ],
};
