import { describe, expect, it } from '@jest/globals';
import { checkConsumers, idempotencyKeyFor, type OutboxConsumer } from '../../../../src/platform/outbox/consumer.js';

function consumer(name: string): OutboxConsumer {
  return { name, deliver: async () => undefined };
}

describe('outbox consumers', () => {
  it('keys a delivery by consumer and event', () => {
    expect(idempotencyKeyFor('opensearch', '42')).toBe('opensearch:42');
  });

  it('accepts distinct names of lowercase letters, digits and hyphens', () => {
    expect(checkConsumers([consumer('opensearch'), consumer('g2p-connect-notify')]).map((c) => c.name)).toEqual([
      'opensearch',
      'g2p-connect-notify',
    ]);
  });

  it('refuses a name registered twice, or one that would not read well in a key', () => {
    expect(() => checkConsumers([consumer('opensearch'), consumer('opensearch')])).toThrow(TypeError);
    expect(() => checkConsumers([consumer('OpenSearch')])).toThrow(TypeError);
    expect(() => checkConsumers([consumer('open search')])).toThrow(TypeError);
    expect(() => checkConsumers([consumer('')])).toThrow(TypeError);
  });
});
