import { describe, expect, it } from 'vitest';
import { SendError } from './channel.js';
import { assertPublicWebhook, isPublicAddress, type ResolveHost } from './webhook-address.js';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false], ['127.255.0.9', false], ['10.1.2.3', false], ['172.16.0.1', false], ['172.31.255.255', false],
    ['192.168.1.10', false], ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false],
    ['255.255.255.255', false], ['198.18.0.1', false], ['::1', false], ['::', false], ['fd00::1', false], ['fe80::1', false],
    ['ff02::1', false], ['::ffff:127.0.0.1', false], ['::ffff:10.0.0.1', false], ['not an address', false],
    ['172.32.0.1', true], ['8.8.8.8', true], ['52.84.1.1', true], ['100.128.0.1', true], ['2606:4700::1111', true], ['::ffff:8.8.8.8', true],
  ])('judges %s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

/** A resolver answering from a table, as a DNS server would for these names. */
const resolver = (answers: Record<string, readonly string[]>): ResolveHost => async (host) => {
  const found = answers[host];
  if (!found) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return found;
};

async function refusal(url: string, resolve: ResolveHost): Promise<SendError | undefined> {
  try {
    await assertPublicWebhook(url, resolve);
    return undefined;
  } catch (error) {
    if (error instanceof SendError) return error;
    throw error;
  }
}

describe('assertPublicWebhook', () => {
  const dns = resolver({ 'hooks.slack.com': ['54.1.2.3'], 'intranet.example': ['10.0.0.5'], 'mixed.example': ['54.1.2.3', '169.254.169.254'] });

  it('lets a host through when every address it resolves to is public', async () => {
    expect(await refusal('https://hooks.slack.com/services/T0/B0/X', dns)).toBeUndefined();
  });

  it.each([
    ['https://intranet.example/hook', 'intranet.example', '10.0.0.5'],
    ['https://mixed.example/hook', 'mixed.example', '169.254.169.254'],
    ['http://127.0.0.1:8080/hook', '127.0.0.1', '127.0.0.1'],
    ['http://[::1]:8080/hook', '::1', '::1'],
  ])('refuses %s for good, naming the host and the private address', async (url, host, address) => {
    const error = await refusal(url, dns);
    expect(error?.permanent).toBe(true);
    expect(error?.message).toContain(`webhook host ${host} is a private address (${address})`);
  });

  it('counts a host that cannot be resolved as a failure worth retrying', async () => {
    const error = await refusal('https://gone.example/hook', dns);
    expect(error?.permanent).toBe(false);
    expect(error?.message).toContain('cannot be resolved');
  });
});
