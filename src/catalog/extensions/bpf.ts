import type { ExtensionDef, ValueProblem } from '../types.js';

// The kernel structure holds at most this many classic BPF instructions.
const MAX_INSTRUCTIONS = 64;

/**
 * `--bytecode` takes the output of `nfbpf_compile`: the instruction count,
 * then that many `code jt jf k` quadruples, all separated by commas.
 */
function validateBytecode(text: string): ValueProblem[] {
  const head = /^(\d+),/.exec(text);
  if (!head) return [{ message: 'bytecode must start with the instruction count and a comma, e.g. `4,48 0 0 9,…`' }];
  const count = Number(head[1]);
  if (count === 0 || count > 65535) return [{ message: `bad instruction count ${head[1]}` }];
  if (count > MAX_INSTRUCTIONS) return [{ message: `${count} instructions: the bpf match holds at most ${MAX_INSTRUCTIONS}` }];
  const body = text.slice(head[0].length);
  // iptables ignores a trailing comma, so an empty last element is not an instruction.
  const instructions = body === '' ? [] : body.replace(/,$/, '').split(',');
  for (let i = 0; i < instructions.length; i++) {
    if (!/^\s*\d+\s+\d+\s+\d+\s+\d+/.test(instructions[i]!)) {
      return [{ message: `instruction ${i} is not four numbers \`code jt jf k\`` }];
    }
  }
  if (instructions.length !== count) {
    return [{ message: `the program has ${instructions.length} instructions but its header says ${count}` }];
  }
  return [];
}

export const bpf: ExtensionDef = {
  name: 'bpf',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Runs a classic BPF program, or a pinned eBPF object, against each packet.',
  options: [
    {
      name: 'bytecode',
      args: [{ kind: 'custom', label: 'count,code jt jf k,…', validate: validateBytecode }],
      excludes: ['object-pinned'],
      summary: 'Inline classic BPF program as produced by nfbpf_compile.',
    },
    {
      // Revision 1 only. The object must exist on the machine that loads the rules.
      name: 'object-pinned',
      args: [{ kind: 'string', label: 'path' }],
      excludes: ['bytecode'],
      summary: 'Path of an eBPF program pinned in the BPF filesystem.',
    },
  ],
  constraints: [
    { kind: 'oneOf', options: ['bytecode', 'object-pinned'], message: 'bpf needs exactly one of --bytecode or --object-pinned' },
  ],
};
