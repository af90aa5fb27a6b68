/**
 * DCI callbacks delivered per second (`npm run bench -- g2p-callbacks`): signed on-search answers of the size a
 * ten-record page makes, queued in `g2p_deliveries` on several partner callback addresses, delivered by the delivery
 * pass (stream lock, POST, mark delivered: one transaction each) to a local HTTP receiver that answers at once.
 * Beside it, in the same run, the raw cost: the same number of bare `fetch` POSTs of the same body to the same
 * receiver, one at a time as the pass sends them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { migrations } from '../src/migrations.js';
import { connectDatabase } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { migrateDatabase } from '../src/platform/runtime.js';
import { deliverDueMessages } from '../src/modules/g2p-gateway/deliver-callbacks.js';
import { queueDelivery, streamOf } from '../src/modules/g2p-gateway/deliveries.js';
import { withBenchDatabase } from './bench-database.js';

export interface G2pCallbacksBenchResult {
  messages: number;
  streams: number;
  bodyBytes: number;
  rows: Array<{ what: string; seconds: number; perSecond: number }>;
}

/** An on-search answer with ten records, as the gateway signs it (the signature's size, not its value). */
function answerBody(transactionId: string): Record<string, unknown> {
  const record = (n: number) => ({
    '@type': 'spdci:Member',
    '@id': `urn:uuid:${randomUUID()}`,
    member_identifier: [{ '@type': 'Identifier', identifier_type: 'NATIONAL_ID', identifier_value: `NID-${n}` }],
    demographic_info: { '@type': 'SRPerson', name: { '@type': 'Name', surname: 'Bench', given_name: `Person ${n}` }, sex: 'female' },
  });
  return {
    signature: `eyJhbGciOiJFZERTQSIsImtpZCI6Ino2TWtiZW5jaCJ9..${'s'.repeat(86)}`,
    header: { version: '1.0.0', message_id: randomUUID(), message_ts: new Date().toISOString(), action: 'on-search', status: 'succ' },
    message: {
      transaction_id: transactionId,
      correlation_id: randomUUID(),
      search_response: [
        { reference_id: 'ref', status: 'succ', data: { version: '1.0.0', reg_records: Array.from({ length: 10 }, (_, n) => record(n)) } },
      ],
    },
  };
}

export async function benchG2pCallbacks(
  messages = Number(process.env.BENCH_CALLBACKS ?? 2000),
  streams = 4,
): Promise<G2pCallbacksBenchResult> {
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":{"ack_status":"ACK"}}');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await new Promise((resolve) => receiver.once('listening', resolve));
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const body = answerBody('txn-bench');
  const text = JSON.stringify(body);
  try {
    return await withBenchDatabase('g2p_callbacks', async (ownerUrl) => {
      const logger = createLogger('silent');
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: ownerUrl, LOG_LEVEL: 'silent' });
      await migrateDatabase(config, ownerUrl, logger, migrations, undefined);
      const database = connectDatabase(ownerUrl, logger, 4);
      try {
        const rows: G2pCallbacksBenchResult['rows'] = [];

        // Raw: bare POSTs of the same body, one after another.
        let started = performance.now();
        for (let i = 0; i < messages; i += 1) {
          const response = await fetch(`${base}/raw`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
          await response.body?.cancel();
        }
        let seconds = (performance.now() - started) / 1000;
        rows.push({ what: 'raw: bare fetch POSTs, one at a time', seconds: round(seconds), perSecond: Math.round(messages / seconds) });

        const now = new Date();
        for (let i = 0; i < messages; i += 1) {
          const callbackUri = `${base}/partner-${i % streams}`;
          await queueDelivery(database.sequelize, {
            senderId: `partner-${i % streams}`,
            stream: streamOf(`partner-${i % streams}`, callbackUri),
            action: 'on-search',
            callbackUri,
            body: answerBody(`txn-${i}`),
            now,
          });
        }
        const before = received;
        const pass = {
          sequelize: database.sequelize,
          answerPending: async () => undefined,
          config: config.g2p.delivery,
          now: () => new Date(),
          logger,
          stopping: () => false,
        };
        started = performance.now();
        let delivered = 0;
        for (;;) {
          const result = await deliverDueMessages(pass);
          delivered += result.delivered;
          if (!result.more && result.delivered === 0) break;
        }
        seconds = (performance.now() - started) / 1000;
        if (delivered !== messages || received - before !== messages) {
          throw new Error(`delivered ${delivered}, received ${received - before}, of ${messages}`);
        }
        rows.push({
          what: `delivery pass: lock, POST, mark delivered (${streams} callback addresses)`,
          seconds: round(seconds),
          perSecond: Math.round(delivered / seconds),
        });
        return { messages, streams, bodyBytes: Buffer.byteLength(text), rows };
      } finally {
        await database.close();
      }
    });
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
