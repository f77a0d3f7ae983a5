import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriteriaLibrary, Person, ProgramReadiness } from '@handoff/contract';
import { addDays, localDate } from '@handoff/core';
import { openHandoff } from '@handoff/server';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * `handoff readiness` and `handoff criteria` as a person at a terminal meets them: the BUILT binary on a
 * data directory prepared through the API in-process (two assessment batches, the first a month ago).
 */

const dataDir = tempDataDir('readiness');
const env = { HANDOFF_DATA_DIR: dataDir };
/** The day of the first batch: a month ago, whatever today is. */
const past = addDays(localDate(new Date(), 'UTC'), -30);
const TECH = ['TECH-01', 'TECH-02', 'TECH-03', 'TECH-04', 'TECH-05', 'TECH-06'];

beforeAll(async () => {
  const handoff = await openHandoff({ database: { kind: 'pglite', dataDir } });
  const call = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const res = await handoff.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    const lena = Person.parse(await call('POST', '/api/people', { name: 'Lena Berg', email: 'lena@example.com' }));
    await call('POST', '/api/programs', { name: 'Claims triage', key: 'CLAIMS', phase: 'pilot' });
    const items = (status: string) => TECH.map((criterion) => ({ criterion, status, evidence: `load test for ${criterion}` }));
    await call('POST', '/api/programs/CLAIMS/assessments', { assessedBy: lena.id, assessedAt: `${past}T12:00:00Z`, items: items('met') });
    await call('POST', '/api/programs/CLAIMS/assessments', { assessedBy: lena.id, items: [{ criterion: 'TECH-02', status: 'not-met', evidence: 'p95 too slow' }] });
  } finally {
    await handoff.close();
  }
}, 120_000);
afterAll(() => removeTempDataDirs());

describe('handoff readiness', () => {
  it('prints the four dimensions with score, met and the unmet criteria', async () => {
    const r = await runCli(['readiness', 'CLAIMS'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^CLAIMS {2}Claims triage: phase pilot, gate production-readiness CLOSED/);
    expect(lines[1]).toMatch(/^DIMENSION\s+SCORE\s+MET\s+UNMET$/);
    expect(lines[2]).toMatch(/^technical\s+83\s+no\s+TECH-02$/);
    expect(lines[3]).toMatch(/^governance\s+0\s+no\s+GOV-01, .*vacant roles: outcome-owner, output-owner/);
  });

  it('shows the state as of a past date, and the raw readiness with --json', async () => {
    const then = await runCli(['readiness', 'CLAIMS', '--at', past], env);
    expect(then.stdout).toMatch(/\ntechnical\s+100\s+yes\s+-\n/);
    const json = await runCli(['readiness', 'CLAIMS', '--json'], env);
    expect(ProgramReadiness.parse(JSON.parse(json.stdout)).dimensions[0]?.gaps).toEqual(['TECH-02']);
  });

  it('fails with one line for an unknown program', async () => {
    const r = await runCli(['readiness', 'NOPE'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('handoff: program NOPE does not exist in this workspace\n');
  });
});

describe('handoff criteria', () => {
  it('lists the library, filtered by gate', async () => {
    const r = await runCli(['criteria', 'list', '--gate', 'pilot'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, -1).map((l) => l.split(/\s+/)[0])).toEqual(['TECH-01', 'GOV-01', 'WF-01', 'ECON-01']);
  });

  it('exports YAML that imports back unchanged', async () => {
    const file = join(dataDir, 'library.yaml');
    expect((await runCli(['criteria', 'export', '-o', file], env)).code).toBe(0);
    const r = await runCli(['criteria', 'import', file], env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`imported ${file}: 0 created, 0 updated, 24 unchanged\n`);
    const printed = await runCli(['criteria', 'export', '--format', 'yaml'], env);
    expect(CriteriaLibrary.parse(parse(printed.stdout)).criteria).toHaveLength(24);
  });

  it('imports a new criterion and refuses a bad file naming the entry and field', async () => {
    const good = join(dataDir, 'extra.json');
    writeFileSync(good, JSON.stringify({ version: 1, criteria: [{ code: 'SEC-01', dimension: 'technical', text: 'Penetration test passed', gate: 'limited-rollout' }] }));
    expect((await runCli(['criteria', 'import', good], env)).stdout).toBe(`imported ${good}: 1 created (SEC-01), 0 updated, 0 unchanged\n`);
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(bad, 'criteria:\n  - { code: X-1, dimension: tech, text: t, gate: pilot }\n');
    const r = await runCli(['criteria', 'import', bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('handoff: criteria.0.dimension: must be one of technical, governance, workforce, economic\n');
  });
});
