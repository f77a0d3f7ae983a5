import { createHash } from 'node:crypto';
import { AuditEntry } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { signedIn } from './audit-fixture.js';

/**
 * An auditor re-verifies an export without the database: the recipe of docs/SECURITY.md ("Audit trail"),
 * written out here in plain JavaScript, must give every row's stored hash.
 */
let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

/** The end of the JSON value starting at `from` in `text` (strings, objects, arrays, literals). */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') { inString = false; if (depth === 0) return i + 1; }
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') { depth -= 1; if (depth === 0) return i + 1; }
    else if (depth === 0 && ch === ',') return i;
  }
  return text.length;
}

/** before/after exactly as exported (the database's jsonb text), cut from the line rather than re-serialised. */
function rawBeforeAfter(line: string): [string, string] {
  const b = line.indexOf(',"before":') + ',"before":'.length;
  const bEnd = valueEnd(line, b);
  const a = bEnd + ',"after":'.length;
  return [line.slice(b, bEnd), line.slice(a, valueEnd(line, a))];
}

/** Whole microseconds since the epoch of an ISO instant with six fractional digits. */
function micros(iso: string): string {
  const [whole = '', fraction = ''] = iso.replace(/Z$/, '').split('.');
  return String(BigInt(Date.parse(`${whole}Z`)) * 1000n + BigInt(fraction.padEnd(6, '0')));
}

function offlineHash(entry: AuditEntry, before: string, after: string): string {
  const fields = [
    entry.prevHash, String(entry.seq), entry.workspaceId, micros(entry.at), entry.actor, entry.accountId ?? '', entry.tokenId ?? '',
    entry.ip ?? '', entry.request ?? '', entry.action, entry.entity, entry.entityId ?? '', before, after,
  ];
  return createHash('sha256').update(fields.join('\u001f'), 'utf8').digest('hex');
}

describe('the audit export', () => {
  it('lets an auditor recompute every hash and the chain from the file alone', async () => {
    const admin = await signedIn(api, api.handoff.workspace.id, 'admin', 'zoë.ädmin@example.com');
    await api.call('POST', '/api/people', { name: 'Łukasz "Luke" Nowak', email: 'luke@example.com', title: 'Head of\tRisk ✓' }, admin.headers);
    await api.call('POST', '/api/programs', { name: 'Claims', key: 'CLAIMS', phase: 'pilot', sponsorId: null }, admin.headers);
    const text = await (await api.handoff.request('/api/audit/export')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    let previous = '0'.repeat(64);
    for (const line of lines) {
      const entry = AuditEntry.parse(JSON.parse(line));
      const [before, after] = rawBeforeAfter(line);
      expect(entry.prevHash).toBe(previous);
      expect(offlineHash(entry, before, after), line).toBe(entry.hash);
      previous = entry.hash;
    }
  });
});
