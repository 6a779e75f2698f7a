import type { ExtensionDef, ValueContext, ValueProblem } from '../types.js';

// iptables accepts any case-insensitive prefix of a type or its alias and takes
// the first one in table order, so `tcp` is tcp-reset; list order matters here.
const REJECT_TYPES: Record<'ipv4' | 'ipv6', readonly (readonly [string, string])[]> = {
  ipv4: [
    ['icmp-net-unreachable', 'net-unreach'],
    ['icmp-host-unreachable', 'host-unreach'],
    ['icmp-proto-unreachable', 'proto-unreach'],
    ['icmp-port-unreachable', 'port-unreach'],
    ['icmp-net-prohibited', 'net-prohib'],
    ['icmp-host-prohibited', 'host-prohib'],
    ['tcp-reset', 'tcp-rst'],
    ['icmp-admin-prohibited', 'admin-prohib'],
  ],
  ipv6: [
    ['icmp6-no-route', 'no-route'],
    ['icmp6-adm-prohibited', 'adm-prohibited'],
    ['icmp6-not-neighbor', 'not-neighbor'],
    ['icmp6-addr-unreachable', 'addr-unreach'],
    ['icmp6-port-unreachable', 'port-unreach'],
    ['tcp-reset', 'tcp-reset'],
    ['icmp6-policy-fail', 'policy-fail'],
    ['icmp6-reject-route', 'reject-route'],
  ],
};

/** The canonical type a (possibly abbreviated) value resolves to, as iptables does it. */
export function resolveRejectType(text: string, family: 'ipv4' | 'ipv6'): string | undefined {
  if (text.length === 0) return undefined;
  const lower = text.toLowerCase();
  for (const [name, alias] of REJECT_TYPES[family]) {
    if (name.startsWith(lower) || alias.startsWith(lower)) return name;
  }
  return undefined;
}

// Spelling is left to the rejectType value kind; this adds the kernel's rule
// that a TCP reset can only answer a rule restricted to `-p tcp`.
function tcpResetNeedsTcp(text: string, ctx: ValueContext): ValueProblem[] {
  if (resolveRejectType(text, ctx.family) !== 'tcp-reset') return [];
  return ctx.protocol === 'tcp' || ctx.protocol === '6'
    ? []
    : [{ message: '--reject-with tcp-reset needs `-p tcp` in the same rule' }];
}

export const REJECT: ExtensionDef = {
  name: 'REJECT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Drops the packet and answers with an ICMP error or a TCP reset.',
  tables: ['filter'],
  hooks: ['INPUT', 'FORWARD', 'OUTPUT'],
  options: [
    {
      // iptables-save always prints it, with the full name (default icmp-port-unreachable / icmp6-port-unreachable).
      name: 'reject-with',
      args: [{ kind: 'rejectType', label: 'type', validate: tcpResetNeedsTcp }],
      summary: 'The answer sent back: an ICMP/ICMPv6 error type or tcp-reset.',
    },
  ],
};
