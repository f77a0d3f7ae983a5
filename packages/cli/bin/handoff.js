#!/usr/bin/env node
// Launcher committed beside the sources so npm links `handoff` at install time, before the first build.
try {
  await import('../dist/main.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')) {
    console.error('handoff: not built yet; run `npm run build` (or `npm run demo`) in the repository first');
    process.exit(1);
  }
  throw error;
}
