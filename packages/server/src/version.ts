import { readFileSync } from 'node:fs';

/** The server package's version, read once from its package.json. */
export const VERSION: string = (() => {
  const parsed: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
})();
