/**
 * The test kit: one place for each helper the engine, reliability, unit and simulator tests share.
 * log: what the simulator saw; outputs: what the node output; users: seeded users and what the
 * node makes of them; runs: node parameters and run shorthands; secrets: what no run may show;
 * waiting: waiting for named events; loginCredential: the Email and Password credential's tests.
 */
export * from './log';
export * from './outputs';
export * from './users';
export * from './runs';
export * from './secrets';
export * from './waiting';
export * from './loginCredential';
