import type { ExtensionDef, ValueProblem } from '../types.js';

// --proto goes through iptables' protocol parser, but only AH, ESP and IPComp pass. Names
// are looked up case-sensitively in /etc/protocols, whose aliases are upper case.
const IPSEC_PROTOCOLS: Record<string, number> = {
  ah: 51,
  'IPSEC-AH': 51,
  esp: 50,
  'IPSEC-ESP': 50,
  ipcomp: 108,
  IPCOMP: 108,
};

function validateIpsecProto(text: string): ValueProblem[] {
  let n: number | undefined = Object.hasOwn(IPSEC_PROTOCOLS, text) ? IPSEC_PROTOCOLS[text] : undefined;
  if (n === undefined && /^(0x[0-9a-f]+|\d+)$/i.test(text)) n = Number(text);
  return n === 50 || n === 51 || n === 108 ? [] : [{ message: 'the policy protocol must be ah, esp or ipcomp' }];
}

export const policy: ExtensionDef = {
  name: 'policy',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the IPsec policy used to decapsulate (in) or that will encapsulate (out) the packet.',
  options: [
    {
      name: 'dir',
      args: [{ kind: 'enum', choices: ['in', 'out'], label: 'in|out' }],
      // policy_mt_check: no outgoing policy before routing or on input, no incoming one on output.
      hooksByValue: { in: ['PREROUTING', 'INPUT', 'FORWARD'], out: ['FORWARD', 'OUTPUT', 'POSTROUTING'] },
      summary: 'Which policy to examine: the one used for decapsulation (in) or encapsulation (out).',
    },
    {
      name: 'pol',
      args: [{ kind: 'enum', choices: ['none', 'ipsec'], label: 'none|ipsec' }],
      summary: 'Whether the packet is subject to IPsec processing (ipsec) or not (none).',
    },
    {
      name: 'strict',
      summary: 'Compare the whole policy, element by element, instead of any single element.',
    },
    {
      name: 'reqid',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'id' }],
      invert: true,
      multi: true,
      summary: 'Request id of the policy rule (once per policy element).',
    },
    {
      name: 'spi',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'spi' }],
      invert: true,
      multi: true,
      summary: 'Security Parameter Index of the security association (once per policy element).',
    },
    {
      name: 'tunnel-src',
      args: [{ kind: 'hostMask', label: 'address[/mask]' }],
      invert: true,
      multi: true,
      // Without --mode the element is in transport mode, where iptables refuses tunnel addresses.
      requires: ['mode'],
      summary: 'Source address of a tunnel-mode security association (once per policy element).',
    },
    {
      name: 'tunnel-dst',
      args: [{ kind: 'hostMask', label: 'address[/mask]' }],
      invert: true,
      multi: true,
      // Without --mode the element is in transport mode, where iptables refuses tunnel addresses.
      requires: ['mode'],
      summary: 'Destination address of a tunnel-mode security association (once per policy element).',
    },
    {
      name: 'proto',
      args: [{ kind: 'protocol', label: 'ah|esp|ipcomp', validate: validateIpsecProto }],
      invert: true,
      multi: true,
      summary: 'IPsec protocol of the element: ah, esp or ipcomp (once per policy element).',
    },
    {
      name: 'mode',
      args: [{ kind: 'enum', choices: ['tunnel', 'transport'], label: 'tunnel|transport' }],
      invert: true,
      multi: true,
      summary: 'Encapsulation mode of the element (once per policy element).',
    },
    {
      name: 'next',
      multi: true,
      requires: ['strict'],
      summary: 'Start the next policy element (at most 4 elements); only with --strict.',
    },
  ],
  // Value-dependent rules iptables also enforces: --pol none excludes --strict and any
  // element options; --tunnel-src/--tunnel-dst are refused with --mode transport; with
  // --strict every element needs at least one of reqid, spi, tunnel-*, proto or mode.
  constraints: [{ kind: 'anyOf', options: ['dir'], message: 'policy needs --dir in or --dir out' }],
};
