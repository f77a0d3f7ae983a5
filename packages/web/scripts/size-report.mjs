// Prints the gzipped size of the JavaScript the first page load fetches (index.html's module script and its
// static imports) and fails the build above the budget of issue 8 (300 KB gzipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifestHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set([...manifestHtml.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]));
let total = 0;
for (const src of initial) {
  const size = gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length;
  total += size;
  console.log(`  ${src}  ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
