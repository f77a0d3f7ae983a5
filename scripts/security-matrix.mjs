#!/usr/bin/env node
// Rewrites the generated permission table of docs/SECURITY.md ("Roles and permissions") from the
// contract's routes, ROUTE_ACCESS and core `authorize`. Run after `npm run build`; the server test
// security-doc.test.ts fails while the file and the code disagree.
// Usage: node scripts/security-matrix.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withMatrix } from '../packages/server/dist/auth/access-matrix-doc.js';

const file = fileURLToPath(new URL('../docs/SECURITY.md', import.meta.url));
const current = readFileSync(file, 'utf8');
const next = withMatrix(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/SECURITY.md is out of date: run node scripts/security-matrix.mjs');
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(file, next);
  console.log('docs/SECURITY.md: permission table updated');
} else {
  console.log('docs/SECURITY.md: permission table already current');
}
