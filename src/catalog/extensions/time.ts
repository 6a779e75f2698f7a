import type { ExtensionDef } from '../types.js';

export const time: ExtensionDef = {
  name: 'time',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches when the packet arrives within a date range, daily time window, weekdays or days of the month.',
  options: [
    {
      name: 'datestart',
      args: [{ kind: 'date', label: 'YYYY[-MM[-DD[Thh[:mm[:ss]]]]]' }],
      summary: 'Match only from this date and time on (years 1970-2038).',
    },
    {
      name: 'datestop',
      args: [{ kind: 'date', label: 'YYYY[-MM[-DD[Thh[:mm[:ss]]]]]' }],
      summary: 'Match only until this date and time.',
    },
    {
      name: 'timestart',
      args: [{ kind: 'time', label: 'hh:mm[:ss]' }],
      summary: 'Start of the daily time window.',
    },
    {
      name: 'timestop',
      args: [{ kind: 'time', label: 'hh:mm[:ss]' }],
      summary: 'End of the daily time window; before --timestart, the window runs past midnight.',
    },
    {
      name: 'contiguous',
      // iptables refuses it unless --timestop is earlier than --timestart.
      summary: 'Treat a window that runs past midnight as one period instead of two per day.',
    },
    {
      name: 'weekdays',
      args: [{ kind: 'weekdays', label: 'day[,day...]' }],
      invert: true,
      summary: 'Match on these days of the week (Mon..Sun or 1..7).',
    },
    {
      name: 'monthdays',
      args: [{ kind: 'monthdays', label: 'day[,day...]' }],
      invert: true,
      summary: 'Match on these days of the month (1..31).',
    },
    {
      name: 'kerneltz',
      excludes: ['utc'],
      summary: 'Interpret times in the kernel’s time zone instead of UTC.',
    },
    {
      name: 'localtz',
      excludes: ['utc'],
      deprecated: 'kerneltz',
      summary: 'Old name of --kerneltz.',
    },
    {
      name: 'utc',
      excludes: ['localtz', 'kerneltz'],
      summary: 'Interpret times as UTC (the default).',
    },
  ],
};
