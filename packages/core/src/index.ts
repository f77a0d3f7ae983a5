export * from './vocabulary.js';
export * from './phases.js';
export * from './calendar.js';
export * from './dependency-graph.js';
export * from './changes.js';
export * from './constraint-rules.js';
export * from './program-key.js';
