#!/usr/bin/env node
import { reportFailure } from './cli-error.js';

// Usage errors are reported by commander itself (one line, exit 1); everything else ends here as one
// line. The program is imported inside the try so that even a broken install fails without a stack trace.
try {
  const { buildProgram } = await import('./program.js');
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  reportFailure(error);
}
