/**
 * AWS Signature Version 4 for a request sent with `fetch` (header authentication, no SDK). Small on
 * purpose: what the S3 adapter needs, checked against the example signatures AWS publishes for S3.
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignAwsRequestOptions {
  method: string;
  url: URL;
  /** Extra headers to send and sign; `host`, `x-amz-date` and `x-amz-content-sha256` are added. */
  headers?: Record<string, string>;
  /** Lowercase hex SHA-256 of the body (that of the empty string for none), or `UNSIGNED-PAYLOAD`. */
  payloadSha256: string;
  region: string;
  /** `s3` for S3. */
  service: string;
  credentials: AwsCredentials;
  /** The signing time; the server refuses a request more than 15 minutes off its clock. */
  now: Date;
}

export interface SignedAwsRequest {
  /** The headers to send, `authorization` included (`host` is left to the HTTP client, which derives it from the URL). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** S3 signs the path with each segment encoded once (other services encode twice; S3 does not). */
function canonicalPath(url: URL): string {
  const path = url.pathname === '' ? '/' : url.pathname;
  return path
    .split('/')
    .map((segment) => encodeRfc3986(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** `20130524T000000Z` */
function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function signAwsRequest(options: SignAwsRequestOptions): SignedAwsRequest {
  const timestamp = amzDate(options.now);
  const day = timestamp.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = options.url.host;
  headers['x-amz-date'] = timestamp;
  headers['x-amz-content-sha256'] = options.payloadSha256;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    options.method.toUpperCase(),
    canonicalPath(options.url),
    canonicalQuery(options.url),
    canonicalHeaders,
    signedHeaders,
    options.payloadSha256,
  ].join('\n');

  const scope = `${day}/${options.region}/${options.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${options.credentials.secretAccessKey}`, day), options.region), options.service),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');

  const { host: _host, ...toSend } = headers;
  const credential = `${options.credentials.accessKeyId}/${scope}`;
  toSend.authorization = `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { headers: toSend, canonicalRequest, stringToSign, signature };
}
