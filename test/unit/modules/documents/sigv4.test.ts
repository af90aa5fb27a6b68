import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { EMPTY_SHA256, signAwsRequest, type SignAwsRequestOptions } from '../../../../src/modules/documents/sigv4.js';

/**
 * The example credentials, host and time of AWS's S3 Signature V4 documentation
 * ("Signature Calculations for the Authorization Header").
 */
const EXAMPLE = {
  region: 'us-east-1',
  service: 's3',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  now: new Date('2013-05-24T00:00:00Z'),
};
const HOST = 'https://examplebucket.s3.amazonaws.com';
const sign = (options: Omit<SignAwsRequestOptions, keyof typeof EXAMPLE>) => signAwsRequest({ ...EXAMPLE, ...options });

describe('signAwsRequest against the examples AWS publishes for S3', () => {
  it('GET Object with a Range header', () => {
    const signed = sign({ method: 'GET', url: new URL(`${HOST}/test.txt`), headers: { Range: 'bytes=0-9' }, payloadSha256: EMPTY_SHA256 });
    expect(createHash('sha256').update(signed.canonicalRequest).digest('hex')).toBe(
      '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signed.headers['x-amz-date']).toBe('20130524T000000Z');
    expect(signed.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(signed.headers).not.toHaveProperty('host');
  });

  it('PUT Object, with a key that needs percent-encoding and a signed payload', () => {
    const payload = createHash('sha256').update('Welcome to Amazon S3.').digest('hex');
    expect(payload).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = sign({
      method: 'PUT',
      url: new URL(`${HOST}/test$file.text`),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadSha256: payload,
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle (a query parameter without a value)', () => {
    expect(sign({ method: 'GET', url: new URL(`${HOST}/?lifecycle`), payloadSha256: EMPTY_SHA256 }).signature).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
  });

  it('GET Bucket (list objects), whatever the order of the query parameters', () => {
    for (const query of ['max-keys=2&prefix=J', 'prefix=J&max-keys=2']) {
      expect(sign({ method: 'GET', url: new URL(`${HOST}/?${query}`), payloadSha256: EMPTY_SHA256 }).signature).toBe(
        '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
      );
    }
  });
});

describe('signAwsRequest', () => {
  it('signs the host with its port, as the HTTP client will send it', () => {
    const signed = signAwsRequest({
      ...EXAMPLE,
      method: 'HEAD',
      url: new URL('http://127.0.0.1:9000/bucket/ab/ab12'),
      payloadSha256: EMPTY_SHA256,
    });
    expect(signed.canonicalRequest).toContain('\nhost:127.0.0.1:9000\n');
  });

  it('gives another signature for another secret, time, region or path', () => {
    const base = { ...EXAMPLE, method: 'GET', url: new URL(`${HOST}/test.txt`), payloadSha256: EMPTY_SHA256 };
    const reference = signAwsRequest(base).signature;
    expect(signAwsRequest({ ...base, credentials: { ...base.credentials, secretAccessKey: 'other' } }).signature).not.toBe(reference);
    expect(signAwsRequest({ ...base, now: new Date('2013-05-24T00:00:01Z') }).signature).not.toBe(reference);
    expect(signAwsRequest({ ...base, region: 'eu-west-1' }).signature).not.toBe(reference);
    expect(signAwsRequest({ ...base, url: new URL(`${HOST}/test.txt2`) }).signature).not.toBe(reference);
  });
});
