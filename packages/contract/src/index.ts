export * from './schemas/common.js';
export * from './schemas/problem.js';
export * from './schemas/health.js';
export * from './schemas/people.js';
export * from './schemas/programs.js';
export * from './schemas/constraints.js';
export * from './schemas/transfer.js';
export * from './schemas/import.js';
export * as routes from './routes/index.js';
