import { CreatedApiToken } from '@handoff/contract';
import { runCli } from './run-cli.js';

/**
 * Creates an API token on a data directory with the BUILT `handoff tokens create` (before `handoff serve`
 * takes the directory's lock) and returns its secret, for tests that talk to a server with --url.
 */
export async function createTokenOn(dataDir: string, name: string, scopes: readonly string[]): Promise<CreatedApiToken> {
  const result = await runCli(['tokens', 'create', '--name', name, ...scopes.flatMap((s) => ['--scope', s]), '--data-dir', dataDir, '--json']);
  if (result.code !== 0) throw new Error(`handoff tokens create failed: ${result.stderr}`);
  return CreatedApiToken.parse(JSON.parse(result.stdout));
}
