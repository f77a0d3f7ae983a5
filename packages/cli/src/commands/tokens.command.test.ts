import { ApiToken, CreatedApiToken, PersonPage, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withHandoffAt } from '../testing/converse.js';
import { removeTempDataDirs, runCli, startServe, tempDataDir, type CliResult, type RunningServe } from '../testing/run-cli.js';

/**
 * `handoff tokens` on a data directory, then the tokens it made used by data commands against `handoff serve`
 * with --url: what each scope may do, a revoked token, a missing one, and last use recorded.
 */

const SLOW = 180_000;
const dataDir = tempDataDir('tokens');
let serve: RunningServe | undefined;
let textCreate: CliResult;
const secrets = { read: '', write: '', revoked: '' };
let revokedId = '';

function oneLineFailure(result: CliResult): string {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

const url = (): string => serve?.url ?? 'http://127.0.0.1:9';
const listJson = async (): Promise<ApiToken[]> => ApiToken.array().parse(JSON.parse((await runCli(['tokens', 'list', '--data-dir', dataDir, '--json'])).stdout));

beforeAll(async () => {
  textCreate = await runCli(['tokens', 'create', '--name', 'nightly', '--scope', 'read', '--expires', '2099-12-31', '--data-dir', dataDir]);
  // The tokens the server tests use, made in-process in one opening of the data directory (PGlite opens slowly).
  await withHandoffAt(dataDir, async (_h, call) => {
    const create = async (name: string, scopes: string[]) => CreatedApiToken.parse(await call('POST', '/api/tokens', { name, scopes }));
    secrets.read = (await create('reader', ['read'])).secret;
    secrets.write = (await create('writer', ['write', 'read'])).secret;
    const revoked = await create('leaked', ['write']);
    secrets.revoked = revoked.secret;
    revokedId = revoked.id;
  });
  const revoke = await runCli(['tokens', 'revoke', revokedId, '--data-dir', dataDir]);
  if (revoke.code !== 0) throw new Error(revoke.stderr);
  serve = await startServe(['--data-dir', dataDir]);
}, 3 * SLOW);
afterAll(async () => {
  if (serve && serve.child.exitCode === null) await serve.stop();
  removeTempDataDirs();
}, SLOW);

describe('handoff tokens on a data directory', { timeout: SLOW }, () => {
  it('prints only the secret on stdout, and on stderr that it will not be shown again', () => {
    expect(textCreate.code).toBe(0);
    expect(textCreate.stdout).toMatch(/^hnd_[A-Za-z0-9_-]{43}\n$/);
    expect(textCreate.stderr).toContain('created token nightly');
    expect(textCreate.stderr).toContain('it will not be shown again');
  });

  it('refuses an impossible expiry date and an unknown scope before opening anything', async () => {
    expect(oneLineFailure(await runCli(['tokens', 'create', '--name', 'x', '--scope', 'read', '--expires', '2027-02-30', '--data-dir', dataDir])))
      .toContain('--expires 2027-02-30');
    expect((await runCli(['tokens', 'create', '--name', 'x', '--scope', 'admin', '--data-dir', dataDir])).stderr).toContain('Allowed choices are read, write, readings');
  });
});

describe('data commands against a server with a token', { timeout: SLOW }, () => {
  it('says in one line to set HANDOFF_TOKEN or --token when none is sent, and when the one sent is malformed', async () => {
    expect(oneLineFailure(await runCli(['people', 'list', '--url', url()]))).toContain('set HANDOFF_TOKEN or pass --token');
    expect(oneLineFailure(await runCli(['people', 'list', '--url', url(), '--token', 'secret']))).toContain('must look like hnd_');
  });

  it('lets a read token (from HANDOFF_TOKEN) list, and refuses its writes in one line naming the scope', async () => {
    const listed = await runCli(['people', 'list', '--url', url(), '--json'], { HANDOFF_TOKEN: secrets.read });
    expect(listed.code, listed.stderr).toBe(0);
    expect(PersonPage.shape.items.parse(JSON.parse(listed.stdout))).toEqual([]);
    expect(oneLineFailure(await runCli(['programs', 'add', '--name', 'Claims', '--key', 'CLAIMS', '--url', url()], { HANDOFF_TOKEN: secrets.read })))
      .toContain('needs the write scope');
  });

  it('lets a write token (from --token, which wins over HANDOFF_TOKEN) write', async () => {
    const added = await runCli(['programs', 'add', '--name', 'Claims', '--key', 'CLAIMS', '--url', url(), '--token', secrets.write, '--json'], { HANDOFF_TOKEN: secrets.read });
    expect(added.code, added.stderr).toBe(0);
    expect(Program.parse(JSON.parse(added.stdout)).key).toBe('CLAIMS');
  });

  it('gets a one-line 401 for a revoked token, and a token cannot manage tokens', async () => {
    expect(oneLineFailure(await runCli(['people', 'list', '--url', url(), '--token', secrets.revoked]))).toContain('did not accept the API token');
    expect(oneLineFailure(await runCli(['tokens', 'list', '--url', url(), '--token', secrets.write]))).toContain('a person must sign in');
  });
});

describe('after the server stops', { timeout: SLOW }, () => {
  it('lists every token with its last use, revoked ones marked, and never a secret', async () => {
    expect(await serve?.stop()).toBe(0);
    const tokens = await listJson();
    expect(tokens.map((t) => t.name)).toEqual(['nightly', 'reader', 'writer', 'leaked']);
    expect(tokens.find((t) => t.name === 'reader')?.lastUsedAt).not.toBeNull();
    expect(tokens.find((t) => t.name === 'nightly')?.lastUsedAt).toBeNull();
    expect(tokens.find((t) => t.id === revokedId)).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: null });
    expect(tokens[0]?.createdBy.label).toMatch(/^cli:/);
    const text = await runCli(['tokens', 'list', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/^leaked\s+hnd_\S{8}…\s+write\s+\S+\s+-\s+-\s+revoked\s/m);
    for (const secret of [...Object.values(secrets), textCreate.stdout.trim()]) {
      expect(text.stdout).not.toContain(secret);
      expect(JSON.stringify(tokens)).not.toContain(secret);
    }
  });
});
