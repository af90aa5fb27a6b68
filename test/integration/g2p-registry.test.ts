/**
 * The DCI registry gateway (src/modules/g2p-gateway) on the real app, database and identity provider: a partner
 * system with a service-account token (client credentials of `iaod-external`) and its own Ed25519 key sends
 * signed sync searches and status requests; every answer is checked against the official DCI social registry
 * JSON Schemas (test/fixtures/dci) and its signature against our published JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { createLocalJWKSet, exportJWK, flattenedVerify, FlattenedSign, generateKeyPair, type CryptoKey, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { dciSchemaErrors } from '../support/dci-schemas.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { serviceAccountTokenFor, tokenFor } from '../support/tokens.js';

const PARTNER_ID = 'partner.test';
const REGISTRY_ID = 'registry.test';
const PARTNER_KID = 'partner-key-1';

type Json = Record<string, unknown>;
type Answer = { signature?: string; header?: Json; message: Json };

const payloadOf = (header: unknown, message: unknown) => Buffer.from(canonicalize({ header, message }) ?? '');

describe('G2P Connect / DCI registry gateway', () => {
  let testApp: TestApp;
  let partnerToken: string;
  let partnerKey: CryptoKey;
  let otherKey: CryptoKey;
  let ourKeys: ReturnType<typeof createLocalJWKSet>;
  const region = `Dci${randomUUID().slice(0, 8)}`;
  const idOf = (n: number) => `DCI${region.slice(3)}${n}`;

  beforeAll(async () => {
    const partner = await generateKeyPair('EdDSA', { extractable: true });
    partnerKey = partner.privateKey;
    otherKey = (await generateKeyPair('EdDSA')).privateKey;
    const publicJwk = { ...(await exportJWK(partner.publicKey)), kid: PARTNER_KID };
    testApp = await startTestApp({
      env: {
        G2P_SENDER_ID: REGISTRY_ID,
        G2P_PARTNERS: JSON.stringify([
          {
            clientId: 'iaod-external',
            senderId: PARTNER_ID,
            // No address, phone, email, occupation or family members for this partner.
            allowedFields: ['identifier', 'name', 'sex', 'birth_date', 'age'],
            keys: [publicJwk],
          },
        ]),
      },
    });
    partnerToken = await serviceAccountTokenFor('iaod-external');
    const reviewer = await tokenFor('samuel');
    const year = new Date().getUTCFullYear();
    const people = [
      { n: 1, givenName: 'Amina', familyName: 'Achieng', gender: 'female', birthDate: `${year - 30}-01-01` },
      { n: 2, givenName: 'Beatrice', familyName: 'Barasa', gender: 'female', birthDate: `${year - 35}-01-01` },
      { n: 3, givenName: 'Chloe', familyName: 'Cheruiyot', gender: 'female', birthDate: `${year - 70}-01-01` },
      { n: 4, givenName: 'David', familyName: 'Dulo', gender: 'male', birthDate: `${year - 31}-01-01` },
      { n: 5, givenName: 'Eli', familyName: 'Ekal', gender: 'male', birthDate: `${year - 45}-01-01` },
    ];
    for (const { n, ...person } of people) {
      const res = await request(testApp.app)
        .post('/api/v1/registrants')
        .set('Authorization', `Bearer ${reviewer}`)
        .send({
          idType: 'NATIONAL_ID',
          idValue: idOf(n),
          ...person,
          phone: '+254 700 000001',
          address: { region, district: 'Nyeri', line: '12 Market Road' },
          familyMembers:
            n === 1 ? [{ relation: 'child', givenName: 'Omar', familyName: 'Achieng', gender: 'male', birthDate: '2015-09-01' }] : [],
        });
      expect(res.status).toBe(201);
    }
    const jwks = await request(testApp.app).get('/.well-known/jwks.json');
    ourKeys = createLocalJWKSet(jwks.body as JSONWebKeySet);
  });
  afterAll(async () => {
    await testApp.close();
  });

  function header(overrides: Json = {}, action = 'search'): Json {
    return {
      version: '1.0.0',
      message_id: randomUUID(),
      message_ts: new Date().toISOString(),
      action,
      sender_id: PARTNER_ID,
      receiver_id: REGISTRY_ID,
      total_count: 1,
      is_msg_encrypted: false,
      ...overrides,
    };
  }

  function searchMessage(criteria: Json, transactionId = `txn-${randomUUID()}`): Json {
    return {
      transaction_id: transactionId,
      search_request: [
        { reference_id: `ref-${randomUUID()}`, timestamp: new Date().toISOString(), search_criteria: { version: '1.0.0', ...criteria } },
      ],
    };
  }

  async function signed(head: Json, message: Json, key: CryptoKey = partnerKey): Promise<Json> {
    const jws = await new FlattenedSign(payloadOf(head, message)).setProtectedHeader({ alg: 'EdDSA', kid: PARTNER_KID }).sign(key);
    return { signature: `${jws.protected}..${jws.signature}`, header: head, message };
  }

  async function send(body: unknown, address = '/g2p/registry/sync/search', token = partnerToken): Promise<Answer> {
    const res = await request(testApp.app)
      .post(address)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
    expect(res.status).toBe(200);
    const answer = res.body as Answer;
    await expectOurSignature(answer);
    return answer;
  }

  async function expectOurSignature(answer: Answer): Promise<void> {
    const [protectedHeader = '', detached, signature = ''] = (answer.signature ?? '').split('.');
    expect(detached).toBe('');
    const payload = payloadOf(answer.header, answer.message).toString('base64url');
    const { protectedHeader: jwsHeader } = await flattenedVerify({ protected: protectedHeader, payload, signature }, ourKeys);
    expect(jwsHeader?.alg).toBe('EdDSA');
  }

  async function expectRefused(body: unknown, code: string, address?: string): Promise<Answer> {
    const answer = await send(body, address);
    expect(answer.message).toMatchObject({ ack_status: 'ERR', error: { code } });
    expect(dciSchemaErrors('acknowledgement', answer)).toEqual([]);
    return answer;
  }

  const records = (answer: Answer, index = 0) =>
    ((answer.message.search_response as Json[])[index]?.data as { reg_records: Json[] } | undefined)?.reg_records ?? [];
  const nameOf = (record: Json) => ((record.demographic_info as Json).name as Json).given_name;

  describe('sync search', () => {
    it('finds a registrant by identifier (idtype-value), in a signed on-search that meets the official schema', async () => {
      const head = header();
      const message = searchMessage({ query_type: 'idtype-value', query: { type: 'UIN', value: idOf(1) } });
      const body = await signed(head, message);
      expect(dciSchemaErrors('syncSearchRequest', body)).toEqual([]);
      const answer = await send(body);
      expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
      expect(answer.header).toMatchObject({
        version: '1.0.0',
        action: 'on-search',
        status: 'succ',
        sender_id: REGISTRY_ID,
        receiver_id: PARTNER_ID,
        total_count: 1,
        completed_count: 1,
      });
      expect(answer.message.transaction_id).toBe(message.transaction_id);
      const [record] = records(answer);
      expect(record).toMatchObject({
        '@type': 'spdci:Member',
        member_identifier: [{ identifier_type: 'NATIONAL_ID', identifier_value: idOf(1) }],
        demographic_info: { name: { surname: 'Achieng', given_name: 'Amina' }, sex: 'female', age: expect.any(Number) },
      });
    });

    it('finds registrants by predicate (region, sex, age range), a page at a time in name order', async () => {
      const query = [
        {
          seq_num: 1,
          expression1: { attribute_name: 'region', operator: 'eq', attribute_value: region },
          condition: 'and',
          expression2: { attribute_name: 'sex', operator: 'eq', attribute_value: 'female' },
        },
        {
          seq_num: 2,
          expression1: { attribute_name: 'age', operator: 'ge', attribute_value: 18 },
          condition: 'and',
          expression2: { attribute_name: 'age', operator: 'le', attribute_value: 60 },
        },
      ];
      const pageOf = async (pageNumber: number) => {
        const answer = await send(
          await signed(header(), searchMessage({ query_type: 'predicate', query, pagination: { page_size: 1, page_number: pageNumber } })),
        );
        expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
        return answer;
      };
      const first = await pageOf(1);
      const second = await pageOf(2);
      const third = await pageOf(3);
      expect((first.message.search_response as Json[])[0]?.pagination).toEqual({ page_size: 1, page_number: 1, total_count: 2 });
      expect([...records(first), ...records(second)].map(nameOf)).toEqual(['Amina', 'Beatrice']);
      expect(records(third)).toEqual([]);
    });

    it('finds registrants by expression ($and of conditions), with sort by name', async () => {
      const answer = await send(
        await signed(
          header(),
          searchMessage({
            query_type: 'expression',
            query: {
              type: 'ns:org:QueryType:NoSql',
              value: { expression: { collection: 'Member', query: { $and: [{ region: { $eq: region } }, { sex: { $eq: 'male' } }] } } },
            },
            sort: [{ attribute_name: 'family_name', sort_order: 'asc' }],
          }),
        ),
      );
      expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
      expect(records(answer).map(nameOf)).toEqual(['David', 'Eli']);
    });

    it('sends only the fields the partner may see', async () => {
      const answer = await send(
        await signed(
          header(),
          searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(1) }, response_entity: 'Group' }),
        ),
      );
      expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
      const [group] = records(answer);
      expect(group).toMatchObject({ '@type': 'spdci:Group', group_size: 2 });
      const head = group?.group_head_info as Json;
      expect(Object.keys(head.demographic_info as Json).sort()).toEqual(['@type', 'age', 'birth_date', 'identifier', 'name', 'sex']);
      expect(group).not.toHaveProperty('member_list');
      expect(JSON.stringify(answer)).not.toContain('Market Road');
      expect(JSON.stringify(answer)).not.toContain('700 000001');
    });

    it("records the search as a read by the partner's service account in the audit trail", async () => {
      const subject = (JSON.parse(Buffer.from(partnerToken.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;
      const { sequelize } = testApp.runtime.database;
      const count = async () =>
        (
          await selectRows<{ n: number }>(
            sequelize,
            `SELECT CAST(count(*) AS integer) AS n FROM audit_events
              WHERE entity_type = 'reader' AND entity_id = :subject AND action = 'registrant.searched'`,
            { subject },
          )
        )[0]?.n ?? 0;
      const before = await count();
      await send(await signed(header(), searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(4) } })));
      expect(await count()).toBe(before + 1);
    });

    it('rejects one request of a batch whose page is too large, and answers the others', async () => {
      const message = searchMessage({
        query_type: 'idtype-value',
        query: { type: 'NATIONAL_ID', value: idOf(2) },
        pagination: { page_size: 1000 },
      });
      const good = searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(2) } });
      message.search_request = [...(message.search_request as Json[]), ...(good.search_request as Json[])];
      const answer = await send(await signed(header({ total_count: 2 }), message));
      expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
      const [rejected, answered] = answer.message.search_response as Json[];
      expect(rejected).toMatchObject({ status: 'rjct', status_reason_code: 'rjct.pagination.invalid' });
      expect(answered).toMatchObject({ status: 'succ' });
      expect(answer.header).toMatchObject({ status: 'succ', completed_count: 2 });
    });

    it('rejects a search on an attribute the registry does not hold', async () => {
      const query = [{ expression1: { attribute_name: 'poverty_score', operator: 'lt', attribute_value: 5 } }];
      const answer = await send(await signed(header(), searchMessage({ query_type: 'predicate', query })));
      expect(dciSchemaErrors('syncSearchResponse', answer)).toEqual([]);
      expect(answer.header).toMatchObject({ status: 'rjct' });
      expect((answer.message.search_response as Json[])[0]).toMatchObject({
        status: 'rjct',
        status_reason_code: 'rjct.search_criteria.invalid',
      });
    });
  });

  describe('bad envelopes', () => {
    const byId = () => searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(1) } });

    it('refuses a header without message_id (err.request.bad)', async () => {
      const head = header();
      delete head.message_id;
      await expectRefused(await signed(head, byId()), 'err.request.bad');
    });

    it('refuses a message without a header (err.request.bad)', async () => {
      await expectRefused({ message: byId() }, 'err.request.bad');
    });

    it('refuses another protocol version (err.version.not_supported)', async () => {
      await expectRefused(await signed(header({ version: '2.0.0' }), byId()), 'err.version.not_supported');
    });

    it('refuses an unknown query type (err.request.bad)', async () => {
      await expectRefused(await signed(header(), searchMessage({ query_type: 'sql', query: 'SELECT 1' })), 'err.request.bad');
    });

    it('refuses an expired message (err.request.bad)', async () => {
      const old = new Date(Date.now() - 10 * 60_000).toISOString();
      await expectRefused(await signed(header({ message_ts: old }), byId()), 'err.request.bad');
    });

    it('refuses the wrong action for the address (err.request.bad)', async () => {
      await expectRefused(await signed(header({}, 'subscribe'), byId()), 'err.request.bad');
    });

    it('refuses a sender_id other than the one registered for the token (err.sender_id.invalid)', async () => {
      await expectRefused(await signed(header({ sender_id: 'someone.else' }), byId()), 'err.sender_id.invalid');
    });

    it('refuses a total_count that does not match the batch (err.request.bad)', async () => {
      await expectRefused(await signed(header({ total_count: 3 }), byId()), 'err.request.bad');
    });

    // What PostgreSQL would refuse (a NUL, half a surrogate pair, an integer past its column) is answered in the
    // message like any other bad value: these operations are outside the API's validator, whose 400s the
    // storable-values test checks.
    it('answers values the database would refuse with a DCI refusal, never a 5xx', async () => {
      const nul = 'x\u0000y';
      const lone = 'x\ud800y';
      await expectRefused(await signed(header({ message_id: nul }), byId()), 'err.request.bad');
      // Half a surrogate pair cannot be canonicalised, so no signature can cover it: refused before the signature check.
      const halfPair = { signature: 'eyJhbGciOiJFZERTQSJ9..AAAA', header: header(), message: { ...byId(), transaction_id: lone } };
      const refused = await expectRefused(halfPair, 'err.request.bad');
      expect(refused.message).toMatchObject({ error: { message: expect.stringContaining('/message/transaction_id') } });
      await expectRefused({ ...halfPair, header: header({ [lone]: 'x' }), message: byId() }, 'err.request.bad');
      await expectRefused(await signed(header({ total_count: 2147483648 }), byId()), 'err.request.bad');
      const inTransaction = await send(await signed(header(), { ...byId(), transaction_id: nul }));
      expect(inTransaction.message).toMatchObject({ ack_status: 'ERR', error: { code: 'err.request.bad' } });
      for (const criteria of [
        { query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: nul } },
        {
          query_type: 'idtype-value',
          query: { type: 'NATIONAL_ID', value: idOf(1) },
          pagination: { page_size: 1, page_number: 2147483648 },
        },
      ]) {
        const answer = await send(await signed(header(), searchMessage(criteria)));
        const reply = (answer.message.search_response as Json[] | undefined)?.[0] ?? answer.message;
        expect(JSON.stringify(reply)).toMatch(/"(rjct|ERR)"/);
      }
    });
  });

  describe('signatures and replays', () => {
    const byId = () => searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(1) } });

    it('refuses an unsigned message from a partner with registered keys (err.signature.missing)', async () => {
      await expectRefused({ header: header(), message: byId() }, 'err.signature.missing');
    });

    it('refuses a message changed after it was signed (err.signature.invalid)', async () => {
      const body = await signed(header(), byId());
      (body.message as Json).transaction_id = 'changed';
      await expectRefused(body, 'err.signature.invalid');
    });

    it('refuses a message signed with a key the partner did not register (err.signature.invalid)', async () => {
      await expectRefused(await signed(header(), byId(), otherKey), 'err.signature.invalid');
    });

    it('refuses a replayed message_id', async () => {
      const body = await signed(header(), byId());
      expect((await send(body)).header).toMatchObject({ status: 'succ' });
      const replay = await expectRefused(body, 'err.request.bad');
      expect((replay.message.error as Json).message).toContain('rjct.message_id.duplicate');
    });
  });

  describe('authentication', () => {
    const body = () => ({
      header: header(),
      message: searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: 'X1' } }),
    });

    it('refuses a request without a token with 401 problem+json', async () => {
      const res = await request(testApp.app).post('/g2p/registry/sync/search').send(body());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ERR_AUTH_REQUIRED');
    });

    it('refuses a user token without the search scope with 403', async () => {
      const res = await request(testApp.app)
        .post('/g2p/registry/sync/search')
        .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
        .send(body());
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('ERR_G2P_SCOPE_MISSING');
    });
  });

  describe('sync txn status', () => {
    // The official TxnStatusRequest lists attribute_value as a oneOf whose string branches overlap, so a request naming
    // a transaction_id or correlation_id (a string) can never meet it (conformance README, quirk 7): only the
    // reference_id_list form is checked against the schema; our answers always are.
    async function statusOf(attributeType: string, value: unknown): Promise<Answer> {
      const message = {
        transaction_id: `txn-${randomUUID()}`,
        txnstatus_request: {
          reference_id: `ref-${randomUUID()}`,
          txn_type: 'search',
          attribute_type: attributeType,
          attribute_value: value,
        },
      };
      const body = await signed(header({}, 'txn-status'), message);
      if (Array.isArray(value)) expect(dciSchemaErrors('syncTxnStatusRequest', body)).toEqual([]);
      const answer = await send(body, '/g2p/registry/sync/txn/status');
      expect(dciSchemaErrors('syncTxnStatusResponse', answer)).toEqual([]);
      return answer;
    }

    it('gives the outcome of an earlier search by transaction_id, by reference ids and by correlation_id, never its records', async () => {
      const transactionId = `txn-${randomUUID()}`;
      const message = searchMessage({ query_type: 'idtype-value', query: { type: 'NATIONAL_ID', value: idOf(3) } }, transactionId);
      const searched = await send(await signed(header(), message));
      const referenceId = (message.search_request as Json[])[0]?.reference_id as string;
      for (const [attributeType, value] of [
        ['transaction_id', transactionId],
        ['reference_id_list', [referenceId]],
        ['correlation_id', searched.message.correlation_id],
      ] as const) {
        const found = await statusOf(attributeType, value);
        expect(found.header).toMatchObject({ action: 'txn-on-status', status: 'succ' });
        expect(found.message.txnstatus_response).toMatchObject({
          txn_type: 'search',
          txn_status: { transaction_id: transactionId, search_response: [{ reference_id: referenceId, status: 'succ' }] },
        });
        expect(JSON.stringify(found)).not.toContain('Chloe');
      }
    });

    it("answers rjct for a transaction that is not the partner's", async () => {
      const missing = await statusOf('transaction_id', 'txn-of-nobody');
      expect(missing.header).toMatchObject({ action: 'txn-on-status', status: 'rjct' });
    });
  });

  describe('keys and contract', () => {
    it('publishes our Ed25519 keys as a JWK Set', async () => {
      const res = await request(testApp.app).get('/.well-known/jwks.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
      expect(res.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String) });
      expect(res.body.keys[0]).not.toHaveProperty('d');
    });

    it("keeps the contract's DCI examples valid against the official schemas", () => {
      const contract = parseYaml(readFileSync(path.join(PROJECT_ROOT, 'openapi', 'g2p-registry.yaml'), 'utf8')) as {
        paths: Record<
          string,
          {
            post: {
              requestBody: { content: Record<string, { example?: unknown }> };
              responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
            };
          }
        >;
      };
      const search = contract.paths['/g2p/registry/sync/search']?.post;
      const status = contract.paths['/g2p/registry/sync/txn/status']?.post;
      expect(dciSchemaErrors('syncSearchRequest', search?.requestBody.content['application/json']?.example)).toEqual([]);
      expect(dciSchemaErrors('syncSearchResponse', search?.responses['200']?.content?.['application/json']?.example)).toEqual([]);
      expect(dciSchemaErrors('syncTxnStatusRequest', status?.requestBody.content['application/json']?.example)).toEqual([]);
    });

    it('the schema check refuses a message that breaks the official schema (the check can fail)', () => {
      expect(dciSchemaErrors('syncSearchResponse', { header: { action: 'on-search', total_count: '1' } })).not.toEqual([]);
      expect(dciSchemaErrors('acknowledgement', { message: { ack_status: 'MAYBE' } })).not.toEqual([]);
    });
  });
});
