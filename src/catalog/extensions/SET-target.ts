import type { ExtensionDef } from '../types.js';

const setName = { kind: 'string' as const, maxLength: 31, label: 'setname' };
const flags = { kind: 'setFlags' as const, maxItems: 6, label: 'flag[,flag…]' };

// Revision 3 (both kernels) is described. Two rules the fields below cannot say:
// --map-set also needs at least one of --map-mark/--map-prio/--map-queue, and the
// kernel allows --map-prio/--map-queue only in OUTPUT, FORWARD and POSTROUTING.
// The sets must exist when the rule is loaded (iptables asks the kernel by name).
export const SET: ExtensionDef = {
  name: 'SET',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Adds or deletes the packet\'s addresses/ports in an ipset, or sets packet properties from a set entry.',
  constraints: [
    { kind: 'anyOf', options: ['add-set', 'del-set', 'map-set'], message: 'SET needs --add-set, --del-set or --map-set' },
  ],
  options: [
    {
      // Two argv words: the set name, then the direction flags (src,dst,...).
      name: 'add-set',
      args: [setName, flags],
      summary: 'Add the entry built from the packet (flags say which addresses/ports) to the set.',
    },
    { name: 'del-set', args: [setName, flags], summary: 'Delete the entry built from the packet from the set.' },
    { name: 'exist', requires: ['add-set'], summary: 'When the entry is already in the set, reset its timeout.' },
    {
      name: 'timeout',
      args: [{ kind: 'uint', min: 0, max: 0xfffffffe, label: 'seconds' }],
      requires: ['add-set'],
      summary: 'Timeout of the added entry instead of the set\'s default.',
    },
    {
      name: 'map-set',
      args: [setName, flags],
      summary: 'Look the packet up in the set and apply the skb properties stored with the entry.',
    },
    { name: 'map-mark', requires: ['map-set'], summary: 'Apply the entry\'s packet mark.' },
    { name: 'map-prio', requires: ['map-set'], summary: 'Apply the entry\'s skb priority (OUTPUT, FORWARD, POSTROUTING only).' },
    { name: 'map-queue', requires: ['map-set'], summary: 'Apply the entry\'s transmit queue (OUTPUT, FORWARD, POSTROUTING only).' },
  ],
};
