import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MATRIX_END, MATRIX_START, renderMatrix, roleCell, tokenCell, withMatrix } from '../../auth/access-matrix-doc.js';

const SECURITY_MD = fileURLToPath(new URL('../../../../../docs/SECURITY.md', import.meta.url));

describe('docs/SECURITY.md permission table', () => {
  it('is the table the permission matrix generates (run node scripts/security-matrix.mjs after a build when this fails)', () => {
    const doc = readFileSync(SECURITY_MD, 'utf8');
    expect(doc).toContain(MATRIX_START);
    expect(doc).toContain(MATRIX_END);
    expect(withMatrix(doc)).toBe(doc);
  });

  it('has one row per contract route, each naming its rule', () => {
    const rows = renderMatrix().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(90);
    expect(rows.find((r) => r.includes('| decideDecision |'))).toMatch(/`decide` \| {2}\| no \| yes \| no \| no \| no \| no \| no \|$/);
    expect(rows.find((r) => r.includes('| getHealth |'))).toMatch(/\| read, write, readings \| yes \|$/);
  });

  it('spells out conditions per role', () => {
    expect(roleCell('program-member', 'contributor')).toBe('if member');
    expect(roleCell('constraint-edit', 'owner')).toBe('if leads or owns it');
    expect(roleCell('acknowledge', 'owner')).toBe('if owns it or escalated to');
    expect(roleCell('admin', 'executive')).toBe('no');
    expect(roleCell('read', 'viewer')).toBe('yes');
    expect(tokenCell('readings')).toBe('write, readings');
    expect(tokenCell('decide')).toBe('no');
  });
});
