import type { ExtensionDef, OptionDef } from '../types.js';

function byteField(name: string, summary: string): OptionDef {
  return { name, args: [{ kind: 'uint', min: 0, max: 255, label: 'value' }], invert: true, summary };
}

function sid(name: string, summary: string): OptionDef {
  return { name, args: [{ kind: 'hostMask', label: 'addr[/mask]' }], invert: true, summary };
}

export const srh: ExtensionDef = {
  name: 'srh',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches fields of the IPv6 Segment Routing Header (SRv6).',
  options: [
    byteField('srh-next-hdr', 'Next Header field of the SRH.'),
    byteField('srh-hdr-len-eq', 'Header Extension Length equals the value.'),
    byteField('srh-hdr-len-gt', 'Header Extension Length is greater than the value.'),
    byteField('srh-hdr-len-lt', 'Header Extension Length is less than the value.'),
    byteField('srh-segs-left-eq', 'Segments Left equals the value.'),
    byteField('srh-segs-left-gt', 'Segments Left is greater than the value.'),
    byteField('srh-segs-left-lt', 'Segments Left is less than the value.'),
    byteField('srh-last-entry-eq', 'Last Entry equals the value.'),
    byteField('srh-last-entry-gt', 'Last Entry is greater than the value.'),
    byteField('srh-last-entry-lt', 'Last Entry is less than the value.'),
    {
      name: 'srh-tag',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'tag' }],
      invert: true,
      summary: 'Tag field of the SRH.',
    },
    sid('srh-psid', 'Previous segment identifier (the one before Segments Left), with an optional prefix mask.'),
    sid('srh-nsid', 'Next segment identifier (after the current one), with an optional prefix mask.'),
    sid('srh-lsid', 'Last segment identifier in the list, with an optional prefix mask.'),
  ],
};
