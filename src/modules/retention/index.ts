export { RETENTION_ACTOR, runRetention, type RetentionDeps, type RetentionRunResult } from './run-retention.js';
export { retentionCron, startRetention, type RetentionWorker, type StartRetentionOptions } from './start-retention.js';
