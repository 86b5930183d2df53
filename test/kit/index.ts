/**
 * The test kit: one place for each helper the engine, reliability, unit and simulator tests share.
 * log: what the simulator saw; outputs: what the node output; users: seeded users and what the
 * node makes of them; runs: node parameters and run shorthands; node: the node without a workflow;
 * secrets: what no run may show; waiting: waiting for named events; loginCredential: the Email and
 * Password credential's tests; refusal: the InputError a parse refused with. Unit tests import the
 * module they need (users, node, waiting, refusal), not this index, which loads n8n's engine.
 */
export * from './log';
export * from './outputs';
export * from './users';
export * from './runs';
export * from './node';
export * from './secrets';
export * from './waiting';
export * from './loginCredential';
export * from './refusal';
