export * from './health.routes.js';
export * from './people.routes.js';
export * from './programs.routes.js';
export * from './constraints.routes.js';
export * from './transfer.routes.js';
export * from './import.routes.js';
