import type { ExtensionDef, ValueContext, ValueProblem } from '../types.js';

// The kernel refuses the --ecn-tcp-* operations unless the rule has `-p tcp`
// (ipt_ECN checkentry, which also refuses `! -p tcp`). The options with a value
// check it in `validate`; the flag --ecn-tcp-remove says it with `protocols`.
const TCP_NUMBERS = new Set(['tcp', '6']);
function needsTcp(_text: string, ctx: ValueContext): ValueProblem[] {
  return ctx.protocol !== undefined && TCP_NUMBERS.has(ctx.protocol)
    ? []
    : [{ message: 'the TCP operations of ECN need `-p tcp` in the rule' }];
}
export const ECN: ExtensionDef = {
  name: 'ECN',
  type: 'target',
  families: ['ipv4'],
  summary: 'Rewrites ECN bits in the IPv4 header and the TCP header (IPv4 only).',
  tables: ['mangle'],
  constraints: [
    { kind: 'anyOf', options: ['ecn-tcp-remove', 'ecn-tcp-cwr', 'ecn-tcp-ece', 'ecn-ip-ect'], message: 'ECN needs an operation' },
  ],
  options: [
    {
      name: 'ecn-tcp-remove',
      protocols: ['tcp'],
      excludes: ['ecn-tcp-cwr', 'ecn-tcp-ece'],
      summary: 'Clear the ECE and CWR bits of the TCP header (needs -p tcp).',
    },
    {
      name: 'ecn-tcp-cwr',
      args: [{ kind: 'uint', min: 0, max: 1, label: '0|1', validate: needsTcp }],
      excludes: ['ecn-tcp-remove'],
      summary: 'Set the TCP CWR bit to this value (needs -p tcp).',
    },
    {
      name: 'ecn-tcp-ece',
      args: [{ kind: 'uint', min: 0, max: 1, label: '0|1', validate: needsTcp }],
      excludes: ['ecn-tcp-remove'],
      summary: 'Set the TCP ECE bit to this value (needs -p tcp).',
    },
    {
      name: 'ecn-ip-ect',
      args: [{ kind: 'uint', min: 0, max: 3, label: '0-3' }],
      summary: 'Set the ECT codepoint of the IP header.',
    },
  ],
};
