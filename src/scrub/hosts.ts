// Host mapping (--host OLD=NEW): every occurrence of the exact host name in a string, never a
// longer name that contains it (mapping `gateway.internal` leaves `eu.gateway.internal` alone).

import type { HostMapping } from './config.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface CompiledHost {
  from: string;
  to: string;
  pattern: RegExp;
}

export function compileHosts(hosts: HostMapping[]): CompiledHost[] {
  return hosts.map(({ from, to }) => ({
    from,
    to,
    pattern: new RegExp(`(?<![A-Za-z0-9.\\-])${escape(from)}(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])`, 'gi'),
  }));
}

/** The string with every mapped host replaced, and the host names that were found. */
export function mapHosts(value: string, hosts: CompiledHost[]): { value: string; found: Array<{ from: string; to: string }> } {
  const found: Array<{ from: string; to: string }> = [];
  let result = value;
  for (const host of hosts) {
    result = result.replace(host.pattern, (match) => {
      if (match === host.to) return match;
      found.push({ from: match, to: host.to });
      return host.to;
    });
  }
  return { value: result, found };
}
