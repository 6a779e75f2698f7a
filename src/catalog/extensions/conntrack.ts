import type { ExtensionDef, ValueProblem, ValueSpec } from '../types.js';

/**
 * Validator for the comma lists iptables parses with strncasecmp(word, name,
 * strlen(word)): each word may be any case-insensitive abbreviation of a name
 * (`EST` = ESTABLISHED), the first name in `names` that it abbreviates wins,
 * and empty words are errors. Used by conntrack, state and addrtype.
 */
export function prefixListValidator(what: string, names: readonly string[]) {
  const upper = names.map((n) => n.toUpperCase());
  return (text: string): ValueProblem[] => {
    const problems: ValueProblem[] = [];
    let start = 0;
    for (const word of text.split(',')) {
      const end = start + word.length;
      const w = word.toUpperCase();
      if (word === '') problems.push({ message: `empty ${what} in the list`, start, end });
      else if (!upper.some((n) => n.startsWith(w))) {
        problems.push({ message: `unknown ${what} \`${word}\`; expected one of ${names.join(', ')}`, start, end });
      }
      start = end + 1;
    }
    return problems;
  };
}

/**
 * For options iptables compares with strcmp/strcasecmp against whole words:
 * abbreviations are errors there, unlike the prefix lists above. Kind
 * `custom` with `choices`, so completion still offers the words.
 */
export function exactChoice(label: string, choices: readonly string[], caseInsensitive: boolean): ValueSpec {
  const norm = (s: string) => (caseInsensitive ? s.toUpperCase() : s);
  const set = new Set(choices.map(norm));
  return {
    kind: 'custom',
    label,
    choices,
    caseInsensitive,
    validate: (text) =>
      set.has(norm(text)) ? [] : [{ message: `\`${text}\` is not one of ${choices.join(', ')}${caseInsensitive ? '' : ' (case matters)'}` }],
  };
}

const CT_STATES = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
const CT_STATUSES = ['NONE', 'EXPECTED', 'SEEN_REPLY', 'ASSURED', 'CONFIRMED'] as const;

const stateList: ValueSpec = {
  kind: 'custom',
  label: 'state[,state...]',
  choices: CT_STATES,
  caseInsensitive: true,
  validate: prefixListValidator('conntrack state', CT_STATES),
};

const statusList: ValueSpec = {
  kind: 'custom',
  label: 'status[,status...]',
  choices: CT_STATUSES,
  caseInsensitive: true,
  validate: prefixListValidator('conntrack status', CT_STATUSES),
};

const ctProtocol: ValueSpec = { kind: 'protocol', label: 'proto' };

const portRange: ValueSpec = { kind: 'portRange', label: 'port[:port]', portParser: 'getaddrinfo' };
const address: ValueSpec = { kind: 'hostMask', label: 'address[/mask]' };

export const conntrack: ExtensionDef = {
  name: 'conntrack',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches connection tracking state, status, addresses, ports, protocol, direction and timeout.',
  options: [
    { name: 'ctstate', args: [stateList], invert: true, summary: 'Connection state: NEW, ESTABLISHED, RELATED, INVALID, UNTRACKED, SNAT, DNAT.' },
    { name: 'ctproto', args: [ctProtocol], invert: true, summary: 'Layer-4 protocol of the connection.' },
    { name: 'ctorigsrc', args: [address], invert: true, summary: 'Source address of the original direction.' },
    { name: 'ctorigdst', args: [address], invert: true, summary: 'Destination address of the original direction.' },
    { name: 'ctreplsrc', args: [address], invert: true, summary: 'Source address of the reply direction.' },
    { name: 'ctrepldst', args: [address], invert: true, summary: 'Destination address of the reply direction.' },
    { name: 'ctorigsrcport', args: [portRange], invert: true, summary: 'Source port (or range) of the original direction.' },
    { name: 'ctorigdstport', args: [portRange], invert: true, summary: 'Destination port (or range) of the original direction.' },
    { name: 'ctreplsrcport', args: [portRange], invert: true, summary: 'Source port (or range) of the reply direction.' },
    { name: 'ctrepldstport', args: [portRange], invert: true, summary: 'Destination port (or range) of the reply direction.' },
    { name: 'ctstatus', args: [statusList], invert: true, summary: 'Connection status flags: NONE, EXPECTED, SEEN_REPLY, ASSURED, CONFIRMED.' },
    {
      name: 'ctexpire',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'seconds[:seconds]' }],
      invert: true,
      summary: 'Remaining lifetime of the conntrack entry in seconds, or a range.',
    },
    {
      name: 'ctdir',
      args: [exactChoice('ORIGINAL|REPLY', ['ORIGINAL', 'REPLY'], true)],
      summary: 'Only packets flowing in this direction of the connection.',
    },
  ],
  constraints: [
    {
      kind: 'anyOf',
      options: [
        'ctstate', 'ctproto', 'ctorigsrc', 'ctorigdst', 'ctreplsrc', 'ctrepldst', 'ctorigsrcport',
        'ctorigdstport', 'ctreplsrcport', 'ctrepldstport', 'ctstatus', 'ctexpire', 'ctdir',
      ],
      message: 'conntrack needs at least one option',
    },
  ],
};
