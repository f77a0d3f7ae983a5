import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { SendError } from './channel.js';

/**
 * Addresses a webhook must not reach unless the operator allows it (HANDOFF_WEBHOOKS_ALLOW_PRIVATE=1):
 * loopback, private (RFC 1918, unique-local), link-local (which holds cloud metadata services such as
 * 169.254.169.254), carrier-grade NAT, benchmarking, multicast, reserved and unspecified ranges. Without
 * this, an admin account (or whoever takes one over) could make the server POST into its own network.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** True when `address` (an IPv4 or IPv6 literal) is outside every private range above; IPv4-mapped IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Resolves a host name to every address it has (the system resolver, as fetch would use it). */
export type ResolveHost = (host: string) => Promise<readonly string[]>;

const systemResolve: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuses, for good, a webhook URL whose host is or resolves to a private address. The check runs before
 * each send; a host that changes its answer between this lookup and fetch's own (DNS rebinding) is not
 * caught, which docs/SECURITY.md states. An unresolvable host is a retryable failure, as fetch's would be.
 */
export async function assertPublicWebhook(url: string, resolve: ResolveHost = systemResolve): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) === 0 ? await resolve(host) : [host];
  } catch (error) {
    throw new SendError(`webhook host ${host} cannot be resolved: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked !== undefined) {
    throw new SendError(
      `webhook host ${host} is a private address (${blocked}); set HANDOFF_WEBHOOKS_ALLOW_PRIVATE=1 on the server to allow webhooks inside your network`,
      true,
    );
  }
}
