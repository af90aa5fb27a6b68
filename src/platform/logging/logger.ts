import { pino, type Logger } from 'pino';
import type { LogLevel } from '../../config.js';

/** JSON logs to stdout. Never pass request bodies or personal data: log ids. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'iaod' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], remove: true },
  });
}
