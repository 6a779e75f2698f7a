import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

// The prefix lives in a 30-byte kernel buffer. iptables 1.8.9 does not reject a
// longer prefix: it silently cuts it to 29 bytes (checked with iptables-restore,
// nft and legacy), so a longer one is a warning, an empty one an error (.min = 1).
const PREFIX_MAX = 29;
const validatePrefix = truncatedText('prefix', PREFIX_MAX, { empty: 'the log prefix must not be empty' });

export const LOG: ExtensionDef = {
  name: 'LOG',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Logs the packet headers to the kernel log, then continues with the next rule.',
  options: [
    {
      // iptables-save prints the level as a number; names are accepted on input.
      name: 'log-level',
      args: [{ kind: 'logLevel', label: 'level' }],
      summary: 'Syslog level of the message (emerg…debug or 0-7).',
    },
    {
      name: 'log-prefix',
      args: [{ kind: 'string', label: 'prefix', validate: validatePrefix }],
      summary: 'Text put in front of the log message, at most 29 bytes.',
    },
    { name: 'log-tcp-sequence', summary: 'Also log TCP sequence numbers (readable by local users: a risk).' },
    { name: 'log-tcp-options', summary: 'Also log the TCP header options.' },
    { name: 'log-ip-options', summary: 'Also log the IPv4/IPv6 header options.' },
    { name: 'log-uid', summary: 'Also log the user id of the socket that sent the packet.' },
    { name: 'log-macdecode', summary: 'Decode the MAC header into source, destination and protocol.' },
  ],
};
