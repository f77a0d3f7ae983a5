import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConstraintPage, CreatedApiToken, ImportResult, type ImportEvent } from '@handoff/contract';
import { openHandoff, serveHandoff, type Handoff } from '@handoff/server';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { remoteClient, type ApiClient } from '../api-client.js';
import { CliError } from '../cli-error.js';
import { finalEvent, ndjsonLines, registerImportCsv } from './import-csv.command.js';

/** The registered command run in-process against an in-memory Handoff, through the same ApiClient seam. */

let handoff: Handoff;
const dir = mkdtempSync(join(tmpdir(), 'handoff-import-csv-'));
const opened: { url?: string; dataDir: string }[] = [];

beforeAll(async () => {
  handoff = await openHandoff({ database: { kind: 'pglite', dataDir: null }, actorLabel: 'cli:test' });
  await call('POST', '/api/people', { name: 'Amara Okafor', email: 'amara@example.com' });
  await call('POST', '/api/programs', { name: 'Claims triage', key: 'CLAIMS', phase: 'pilot' });
});
afterAll(async () => { await handoff.close(); });
afterEach(() => { vi.restoreAllMocks(); });

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await handoff.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return res.json();
}

function fileOf(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `handoff import-csv ARGS`, capturing stdout and stderr; `error` is what the command threw. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  const program = new Command('handoff').exitOverride();
  registerImportCsv(program, async (opts) => {
    opened.push(opts);
    const client: ApiClient = { target: 'memory', fetch: async (path, init) => handoff.request(path, init), close: async () => {} };
    return client;
  });
  let error: unknown;
  try {
    await program.parseAsync(['import-csv', ...args], { from: 'user' });
  } catch (e) {
    error = e;
  }
  vi.restoreAllMocks();
  return { stdout, stderr, error };
}

const HEADER = 'ID,Risk,Type,Area,Owner,Due date,Status\n';

describe('handoff import-csv', () => {
  it('imports a CSV and says which refs it created and which column filled which field', async () => {
    const file = fileOf('raid.csv', `${HEADER}R1,Drift unmonitored,Risk,Tech,amara@example.com,31/12/2026,Open\nR2,No DPA,Dependency,Legal,AMARA@example.com,Jan 31 2027,WIP\n`);
    const { stdout, error } = await run(file, '--program', 'claims');
    expect(error).toBeUndefined();
    expect(stdout.split('\n')).toEqual([
      'imported 2 constraints into CLAIMS: CLAIMS-1 … CLAIMS-2',
      'columns (header on line 1): Risk → title, Type → kind, Area → dimension, Owner → owner, Due date → deadline, Status → status',
      'not imported: ID',
      '',
    ]);
    expect(opened.at(-1)).toEqual({ dataDir: './.handoff' });
    const page = ConstraintPage.parse(await call('GET', '/api/programs/CLAIMS/constraints'));
    expect(page.items.map((c) => [c.ref, c.status])).toEqual([['CLAIMS-1', 'open'], ['CLAIMS-2', 'in_progress']]);
  });

  it('lists every bad line on stderr and fails with the summary, storing nothing', async () => {
    const file = fileOf('bad.csv', `${HEADER}R1,Fine,Risk,Tech,amara@example.com,2027-01-31,\nR2,Ghost,Risk,Tech,ghost@example.com,2027-01-31,\nR3,Never,Risk,Tech,amara@example.com,30/02/2027,\n`);
    const { stdout, stderr, error } = await run(file, '--program', 'CLAIMS');
    expect(stdout).toBe('');
    expect(stderr).toBe('  line 3: owner ghost@example.com is not a person in this workspace (add them first)\n  line 4: deadline "30/02/2027" is not a real date: February 2027 has 28 days\n');
    expect(error).toBeInstanceOf(CliError);
    expect(error instanceof Error && error.message).toMatch(/^2 of 3 rows are bad; nothing was imported/);
    expect(ConstraintPage.parse(await call('GET', '/api/programs/CLAIMS/constraints')).items).toHaveLength(2);
  });

  it('passes --map, --default, --date-order and --dry-run to the API and prints JSON with --json', async () => {
    const file = fileOf('register.csv', 'Risk description,Accountable,Target\nBias,amara@example.com,03/04/2027\n');
    const { stdout, error } = await run(file, '--program', 'CLAIMS', '--map', 'Risk description=title', '--map', 'Accountable=owner',
      '--default', 'kind=R', '--default', 'dimension=governance', '--date-order', 'month-first', '--dry-run', '--json');
    expect(error).toBeUndefined();
    const result = ImportResult.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ dryRun: true, refs: ['CLAIMS-3'], columns: [{ column: 'Risk description', field: 'title' }, { column: 'Accountable', field: 'owner' }, { column: 'Target', field: 'deadline' }] });
    expect(ConstraintPage.parse(await call('GET', '/api/programs/CLAIMS/constraints')).items).toHaveLength(2);
  });

  it('fails with the server\'s words for an unknown program, and refuses a date order it does not know', async () => {
    const file = fileOf('one.csv', `${HEADER}R1,A,Risk,Tech,amara@example.com,2027-01-31,\n`);
    const unknown = await run(file, '--program', 'NOPE');
    expect(unknown.error instanceof Error && unknown.error.message).toBe('program NOPE does not exist in this workspace');
    const order = await run(file, '--program', 'CLAIMS', '--date-order', 'year-first');
    expect(order.stderr).toContain("argument 'year-first' is invalid");
  });

  it('refuses an old .xls file and a missing file before contacting anything', async () => {
    const before = opened.length;
    expect((await run(fileOf('old.xls', 'x'), '--program', 'CLAIMS')).error).toEqual(new CliError(`${join(dir, 'old.xls')} is an old binary Excel file; save it as .xlsx or .csv`));
    expect(String((await run(join(dir, 'missing.csv'), '--program', 'CLAIMS')).error)).toContain('cannot read');
    expect(opened.length).toBe(before);
  });
});

describe('over HTTP', () => {
  it('streams progress from a running server to the remote client exactly as in-process', async () => {
    const remote = await openHandoff({ database: { kind: 'pglite', dataDir: null } });
    const server = await serveHandoff(remote, { port: 0, host: '127.0.0.1' });
    try {
      // Set-up in-process as the operator (people are an admin's to add); the import goes over HTTP with a write token.
      const json = { 'content-type': 'application/json' };
      await remote.request('/api/people', { method: 'POST', headers: json, body: JSON.stringify({ name: 'A', email: 'a@example.com' }) });
      await remote.request('/api/programs', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Remote', key: 'REMOTE' }) });
      const token = CreatedApiToken.parse(await (await remote.request('/api/tokens', { method: 'POST', headers: json, body: JSON.stringify({ name: 'import', scopes: ['write'] }) })).json());
      const client = remoteClient(server.url, token.secret);
      const rows = Array.from({ length: 1200 }, (_, i) => `Item ${i},Risk,Tech,a@example.com,2027-02-${String((i % 28) + 1).padStart(2, '0')}`);
      const res = await client.fetch('/api/programs/REMOTE/constraints:import', {
        method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' }, body: ['Title,Type,Area,Owner,Due', ...rows].join('\n'),
      });
      const seen: ImportEvent[] = [];
      const last = await finalEvent(res, client.target, (e) => seen.push(e));
      expect(seen.map((e) => ('phase' in e ? `${e.phase} ${e.done}/${e.total}` : ''))).toEqual(expect.arrayContaining(['validating 1200/1200', 'saving 1000/1200', 'saving 1200/1200']));
      expect('result' in last && last.result.lastRef).toBe('REMOTE-1200');
    } finally {
      await server.close();
    }
  });
});

describe('reading the progress stream', () => {
  function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    return new ReadableStream({ start(c) { for (const ch of chunks) c.enqueue(encoder.encode(ch)); c.close(); } });
  }

  it('yields whole lines however the chunks split them, multi-byte characters included', async () => {
    const lines: string[] = [];
    for await (const line of ndjsonLines(streamOf(['{"a":', '1}\n{"b":"caf', 'é"}\n\n', '{"c":3}']))) lines.push(line);
    expect(lines).toEqual(['{"a":1}', '{"b":"café"}', '{"c":3}']);
  });

  it('reports each progress event and returns the final one', async () => {
    const events: ImportEvent[] = [
      { phase: 'validating', done: 0, total: 2 }, { phase: 'saving', done: 2, total: 2 },
      { problem: { type: 't', title: 'Import rejected', status: 422, detail: 'bad' } },
    ];
    const res = new Response(streamOf(events.map((e) => `${JSON.stringify(e)}\n`)), { headers: { 'content-type': 'application/x-ndjson' } });
    const seen: ImportEvent[] = [];
    expect(await finalEvent(res, 'memory', (e) => seen.push(e))).toEqual(events[2]);
    expect(seen).toEqual(events.slice(0, 2));
  });
});
