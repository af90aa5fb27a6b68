import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../../config.js';
import { serializeError } from './error-serializer.js';

/**
 * JSON logs to stdout, or to `destination` (tests read what was logged). Never pass request bodies or
 * personal data: log ids. Errors are logged by `serializeError`, which leaves out whatever may quote a value.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'iaod' },
    serializers: { err: serializeError },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
