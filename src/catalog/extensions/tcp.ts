import { portOptions } from './port-options.js';
import type { ExtensionDef } from '../types.js';

// Option names are the forms iptables-save prints; aliases are the other spellings getopt accepts.

export const tcp: ExtensionDef = {
  name: 'tcp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches TCP ports, flags and options; loaded by `-p tcp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['tcp'],
  options: [
    ...portOptions(),
    {
      name: 'tcp-flags',
      args: [
        { kind: 'tcpFlags', label: 'mask' },
        { kind: 'tcpFlags', label: 'comp' },
      ],
      invert: true,
      summary: 'Examines the flags in the first list and requires exactly those in the second to be set.',
    },
    {
      name: 'syn',
      invert: true,
      summary: 'Only packets with SYN set and ACK, RST and FIN clear: new connection attempts.',
      excludes: ['tcp-flags'],
    },
    {
      name: 'tcp-option',
      args: [{ kind: 'uint', min: 0, max: 255, label: 'number' }],
      invert: true,
      summary: 'Matches when the TCP option with this number is present.',
    },
  ],
};
