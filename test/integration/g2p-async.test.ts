/**
 * The DCI gateway's asynchronous operations on the real app, database, job queue and identity provider: a partner
 * sends a signed `search` or `txn/status`, gets a signed ACK at once, and its callback receiver (a real local HTTP
 * server) receives the signed `on-search` / `txn-on-status` later, valid against the official DCI schemas. With the
 * receiver down, the answers wait with back-off and arrive once it is back, each once and in the order asked; the
 * log says why a delivery failed and never what it held.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import canonicalize from 'canonicalize';
import { createLocalJWKSet, exportJWK, flattenedVerify, FlattenedSign, generateKeyPair, type CryptoKey, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { dciSchemaErrors, type DciSchemaName } from '../support/dci-schemas.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { serviceAccountTokenFor, tokenFor } from '../support/tokens.js';
import { waitUntil } from '../support/wait-until.js';

const PARTNER_ID = 'async-partner.test';
const REGISTRY_ID = 'registry.test';
const PARTNER_KID = 'async-partner-key';

type Json = Record<string, unknown>;
type Message = { signature?: string; header?: Json; message: Json };

const payloadOf = (header: unknown, message: unknown) => Buffer.from(canonicalize({ header, message }) ?? '');

/** The partner's callback receiver: every message that reached it while it was up, and how many times it was down. */
class Receiver {
  readonly received: Message[] = [];
  refused = 0;
  up = true;
  /** Paths answering 503 even when the receiver is up. */
  readonly downPaths = new Set<string>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!this.up || this.downPaths.has(req.url ?? '')) {
        this.refused += 1;
        res.writeHead(503).end();
        return;
      }
      this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Message);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: { ack_status: 'ACK' } }));
    });
  });
  url = '';
  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await new Promise((resolve) => this.server.once('listening', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/dci/callback`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
  /** The messages received for a transaction. */
  of(transactionId: string): Message[] {
    return this.received.filter((m) => m.message.transaction_id === transactionId);
  }
}

describe('the DCI gateway, asynchronously', () => {
  const receiver = new Receiver();
  const logLines: string[] = [];
  let testApp: TestApp;
  let partnerToken: string;
  let partnerKey: CryptoKey;
  let ourKeys: ReturnType<typeof createLocalJWKSet>;
  const idValue = `DCIA${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await receiver.start();
    const partner = await generateKeyPair('EdDSA', { extractable: true });
    partnerKey = partner.privateKey;
    testApp = await startTestApp({
      env: {
        LOG_LEVEL: 'warn',
        G2P_SENDER_ID: REGISTRY_ID,
        G2P_DELIVERY_POLL_INTERVAL_MS: '100',
        G2P_DELIVERY_RETRY_BASE_MS: '100',
        G2P_DELIVERY_RETRY_MAX_MS: '400',
        G2P_PARTNERS: JSON.stringify([
          {
            clientId: 'iaod-external',
            senderId: PARTNER_ID,
            allowedFields: ['identifier', 'name', 'sex', 'birth_date'],
            keys: [{ ...(await exportJWK(partner.publicKey)), kid: PARTNER_KID }],
            callbackUris: [receiver.url, `${receiver.url}-second`],
          },
        ]),
      },
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
    partnerToken = await serviceAccountTokenFor('iaod-external');
    const created = await request(testApp.app)
      .post('/api/v1/registrants')
      .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
      .send({
        idType: 'NATIONAL_ID',
        idValue,
        givenName: 'Halima',
        familyName: 'Async',
        gender: 'female',
        birthDate: '1985-03-04',
        address: { region: 'Coast', district: 'Kilifi', line: '3 Harbour Lane' },
        familyMembers: [],
      });
    expect(created.status).toBe(201);
    ourKeys = createLocalJWKSet((await request(testApp.app).get('/.well-known/jwks.json')).body as JSONWebKeySet);
  });
  afterAll(async () => {
    await testApp?.close();
    await receiver.stop();
  });

  function header(action: string, overrides: Json = {}): Json {
    return {
      version: '1.0.0',
      message_id: randomUUID(),
      message_ts: new Date().toISOString(),
      action,
      sender_id: PARTNER_ID,
      sender_uri: receiver.url,
      receiver_id: REGISTRY_ID,
      total_count: 1,
      is_msg_encrypted: false,
      ...overrides,
    };
  }

  function searchById(transactionId: string, value = idValue): Json {
    return {
      transaction_id: transactionId,
      search_request: [
        {
          reference_id: `ref-${transactionId}`,
          timestamp: new Date().toISOString(),
          search_criteria: {
            version: '1.0.0',
            query_type: 'idtype-value',
            query: { type: 'NATIONAL_ID', value },
            pagination: { page_size: 10, page_number: 1 },
          },
        },
      ],
    };
  }

  async function signed(head: Json, message: Json, key: CryptoKey = partnerKey): Promise<Json> {
    const jws = await new FlattenedSign(payloadOf(head, message)).setProtectedHeader({ alg: 'EdDSA', kid: PARTNER_KID }).sign(key);
    return { signature: `${jws.protected}..${jws.signature}`, header: head, message };
  }

  async function expectOurSignature(answer: Message): Promise<void> {
    const [protectedHeader = '', detached, signature = ''] = (answer.signature ?? '').split('.');
    expect(detached).toBe('');
    const payload = payloadOf(answer.header, answer.message).toString('base64url');
    await expect(flattenedVerify({ protected: protectedHeader, payload, signature }, ourKeys)).resolves.toBeDefined();
  }

  /** Sends a message (valid against the schema of its operation) and answers the signed acknowledgement. */
  async function send(address: string, body: Json, schema: DciSchemaName): Promise<Message> {
    expect(dciSchemaErrors(schema, body)).toEqual([]);
    const res = await request(testApp.app).post(address).set('Authorization', `Bearer ${partnerToken}`).send(body);
    expect(res.status).toBe(200);
    const ack = res.body as Message;
    await expectOurSignature(ack);
    expect(dciSchemaErrors('acknowledgement', ack)).toEqual([]);
    return ack;
  }

  const deliveryRows = () =>
    selectRows<{ action: string; attempts: number; last_failure: string | null; delivered: boolean; holds_content: boolean }>(
      testApp.runtime.database.sequelize,
      `SELECT action, attempts, last_failure, delivered_at IS NOT NULL AS delivered,
              (body IS NOT NULL OR request IS NOT NULL) AS holds_content
         FROM g2p_deliveries ORDER BY id`,
    );

  it('acknowledges a search at once and delivers the signed on-search, with the same ids, to the callback address', async () => {
    const transactionId = `txn-${randomUUID()}`;
    const ack = await send('/g2p/registry/search', await signed(header('search'), searchById(transactionId)), 'searchRequest');
    expect(ack.message).toMatchObject({ ack_status: 'ACK' });

    const [answer] = await waitUntil(
      async () => receiver.of(transactionId),
      (found) => found.length === 1,
      'the on-search callback',
    );
    await expectOurSignature(answer as Message);
    expect(dciSchemaErrors('onSearch', answer)).toEqual([]);
    expect(answer?.header).toMatchObject({ action: 'on-search', status: 'succ', sender_id: REGISTRY_ID, receiver_id: PARTNER_ID });
    expect(answer?.message).toMatchObject({ transaction_id: transactionId, correlation_id: ack.message.correlation_id });
    const [response] = answer?.message.search_response as Json[];
    expect(response).toMatchObject({ reference_id: `ref-${transactionId}`, status: 'succ', pagination: { total_count: 1 } });
    const [record] = (response?.data as { reg_records: Json[] }).reg_records;
    expect(record).toMatchObject({ member_identifier: [{ identifier_value: idValue }], demographic_info: { sex: 'female' } });
    // The agreement does not allow the address: it is not sent.
    expect(JSON.stringify(record)).not.toContain('Harbour');

    // Its status, asked asynchronously, comes back the same way.
    const statusAck = await send(
      '/g2p/registry/txn/status',
      await signed(header('txn-status'), {
        transaction_id: `txn-${randomUUID()}`,
        // By reference id: a single id (transaction_id) matches two branches of the schema's oneOf (a defect of the schema).
        txnstatus_request: {
          reference_id: `ref-${randomUUID()}`,
          txn_type: 'search',
          attribute_type: 'reference_id_list',
          attribute_value: [`ref-${transactionId}`],
        },
      }),
      'txnStatusRequest',
    );
    const status = await waitUntil(
      async () => receiver.received.find((m) => m.message.correlation_id === statusAck.message.correlation_id),
      (found) => found !== undefined,
      'the txn-on-status callback',
    );
    await expectOurSignature(status as Message);
    expect(dciSchemaErrors('txnOnStatus', status)).toEqual([]);
    expect(status?.header).toMatchObject({ action: 'txn-on-status', status: 'succ' });
    expect(status?.message.txnstatus_response).toMatchObject({
      txn_type: 'search',
      txn_status: { transaction_id: transactionId, search_response: [{ reference_id: `ref-${transactionId}`, status: 'succ' }] },
    });
    // Delivered: the answer is no longer kept.
    expect((await deliveryRows()).every((row) => row.delivered && !row.holds_content)).toBe(true);
  });

  it('keeps the answers while the receiver is down, then delivers each once, in the order asked', async () => {
    receiver.up = false;
    const transactions = [1, 2, 3].map((n) => `txn-down-${n}-${randomUUID()}`);
    for (const transactionId of transactions) {
      const ack = await send('/g2p/registry/search', await signed(header('search'), searchById(transactionId)), 'searchRequest');
      expect(ack.message).toMatchObject({ ack_status: 'ACK' });
    }
    // Refused several times, with back-off; nothing later overtook the first.
    await waitUntil(
      async () => receiver.refused,
      (n) => n >= 3,
      'three refused deliveries',
    );
    const waiting = (await deliveryRows()).filter((row) => !row.delivered);
    expect(waiting).toHaveLength(3);
    expect(waiting[0]).toMatchObject({ last_failure: 'HTTP 503', holds_content: true });
    expect(waiting[0]?.attempts).toBeGreaterThanOrEqual(2);
    expect(waiting.slice(1).map((row) => row.attempts)).toEqual([0, 0]);
    expect(transactions.flatMap((id) => receiver.of(id))).toEqual([]);

    receiver.up = true;
    await waitUntil(
      async () => transactions.flatMap((id) => receiver.of(id)).length,
      (n) => n === 3,
      'the three answers once the receiver is back',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const arrived = receiver.received.map((m) => m.message.transaction_id).filter((id) => transactions.includes(id as string));
    expect(arrived).toEqual(transactions);
    expect((await deliveryRows()).every((row) => row.delivered && !row.holds_content)).toBe(true);

    // The log says why, never what: no ID, no name.
    const log = logLines.join('');
    expect(log).toContain('DCI callback not delivered');
    expect(log).toContain('HTTP 503');
    expect(log).not.toContain(idValue);
    expect(log).not.toContain('Halima');
  });

  it('holds back only the messages of the address that is down: another address of the partner gets its answers', async () => {
    const second = `${receiver.url}-second`;
    receiver.downPaths.add('/dci/callback');
    const held = `txn-held-${randomUUID()}`;
    const other = `txn-other-${randomUUID()}`;
    await send('/g2p/registry/search', await signed(header('search'), searchById(held)), 'searchRequest');
    await send('/g2p/registry/search', await signed(header('search', { sender_uri: second }), searchById(other)), 'searchRequest');
    await waitUntil(
      async () => receiver.of(other).length,
      (n) => n === 1,
      'the answer at the second address',
    );
    expect(receiver.of(held)).toEqual([]);
    receiver.downPaths.clear();
    await waitUntil(
      async () => receiver.of(held).length,
      (n) => n === 1,
      'the held answer once its address is back',
    );
  });

  it('refuses a callback address not registered for the partner, and a malformed search, before queueing anything', async () => {
    const before = (await deliveryRows()).length;
    const elsewhere = await send(
      '/g2p/registry/search',
      await signed(header('search', { sender_uri: 'http://127.0.0.1:1/elsewhere' }), searchById(`txn-${randomUUID()}`)),
      'searchRequest',
    );
    expect(elsewhere.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.sender_uri.invalid' } });

    const malformed = searchById(`txn-${randomUUID()}`);
    ((malformed.search_request as Json[])[0]?.search_criteria as Json).query_type = 'graphql';
    const res = await request(testApp.app)
      .post('/g2p/registry/search')
      .set('Authorization', `Bearer ${partnerToken}`)
      .send(await signed(header('search'), malformed));
    expect(res.body.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.bad' } });

    const unsigned = await request(testApp.app)
      .post('/g2p/registry/txn/status')
      .set('Authorization', `Bearer ${partnerToken}`)
      .send({ header: header('txn-status'), message: { transaction_id: 'txn-x', txnstatus_request: {} } });
    expect(unsigned.body.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.signature.missing' } });

    expect((await deliveryRows()).length).toBe(before);
  });
});
