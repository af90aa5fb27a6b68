/**
 * The RDF of a voucher as JSON-LD makes it, without JSON-LD: the service's threads check a voucher's signature
 * many times a second, and expanding the document and its proof options through the library's JSON-LD
 * processor was more than half of each check. A voucher has one fixed form (`build-voucher.ts`) over two fixed
 * contexts, so its statements follow from its values alone. Anything that is not exactly that form (another
 * context, key, type or value kind) gets `undefined` here and goes through the library as before; a test holds
 * these statements equal to the library's for every field, odd text included.
 */
import { CREDENTIALS_V2_CONTEXT_URL, VOUCHER_CONTEXT_URL } from './voucher-context.js';

interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
}

export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const CRED = 'https://www.w3.org/2018/credentials#';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
const SEC = 'https://w3id.org/security#';
const VOUCHER = 'https://w3id.org/iaod/voucher#';

const SUBJECT_PREDICATES: Record<string, { iri: string; datatype?: string }> = {
  name: { iri: 'https://schema.org/name' },
  beneficiaryReference: { iri: `${VOUCHER}beneficiaryReference` },
  program: { iri: `${VOUCHER}program` },
  treatmentType: { iri: `${VOUCHER}treatmentType` },
  amount: { iri: `${VOUCHER}amount`, datatype: `${XSD}decimal` },
  currency: { iri: `${VOUCHER}currency` },
  applicationReference: { iri: `${VOUCHER}applicationReference` },
};
const DOCUMENT_KEYS = ['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'credentialSubject', 'credentialStatus'];
const STATUS_KEYS = ['type', 'statusPurpose', 'statusListIndex', 'statusListCredential'];
const PROOF_KEYS = ['@context', 'type', 'created', 'verificationMethod', 'cryptosuite', 'proofPurpose'];

/** IRIs as we issue them, and nothing a context could read as a compact IRI or a relative one. */
const CREDENTIAL_ID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DID_KEY = /^did:key:z[1-9A-HJ-NP-Za-km-z]{1,100}$/;
const VERIFICATION_METHOD = /^did:key:z[1-9A-HJ-NP-Za-km-z]{1,100}#z[1-9A-HJ-NP-Za-km-z]{1,100}$/;
const STATUS_LIST_URL = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~-]+)*$/;

const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };
const named = (value: string): Term => ({ termType: 'NamedNode', value });
const blank = (value: string): Term => ({ termType: 'BlankNode', value });
const literal = (value: string, datatype = `${XSD}string`): Term => ({
  termType: 'Literal',
  value,
  datatype: { termType: 'NamedNode', value: datatype },
});
const quad = (subject: Term, predicate: string, object: Term): Quad => ({
  subject,
  predicate: named(predicate),
  object,
  graph: DEFAULT_GRAPH,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

function hasOurContexts(value: Record<string, unknown>): boolean {
  const context = value['@context'];
  return Array.isArray(context) && context.length === 2 && context[0] === CREDENTIALS_V2_CONTEXT_URL && context[1] === VOUCHER_CONTEXT_URL;
}

const isText = (value: unknown): value is string => typeof value === 'string';

function documentQuads(document: Record<string, unknown>): Quad[] | undefined {
  const { id, type, issuer, validFrom, validUntil, credentialSubject: subject, credentialStatus: statuses } = document;
  if (!isText(id) || !CREDENTIAL_ID.test(id) || !isText(issuer) || !DID_KEY.test(issuer)) return undefined;
  if (!Array.isArray(type) || type.length !== 2 || type[0] !== 'VerifiableCredential' || type[1] !== 'EntitlementVoucher') return undefined;
  if (!isText(validFrom) || !isText(validUntil)) return undefined;
  if (!isRecord(subject) || !hasExactly(subject, Object.keys(SUBJECT_PREDICATES))) return undefined;
  if (!Array.isArray(statuses) || statuses.length !== 2) return undefined;
  const credential = named(id);
  const quads = [
    quad(credential, RDF_TYPE, named(`${CRED}VerifiableCredential`)),
    quad(credential, RDF_TYPE, named(`${VOUCHER}EntitlementVoucher`)),
    quad(credential, `${CRED}issuer`, named(issuer)),
    quad(credential, `${CRED}validFrom`, literal(validFrom, `${XSD}dateTime`)),
    quad(credential, `${CRED}validUntil`, literal(validUntil, `${XSD}dateTime`)),
    quad(credential, `${CRED}credentialSubject`, blank('s')),
  ];
  for (const [key, { iri, datatype }] of Object.entries(SUBJECT_PREDICATES)) {
    const value = subject[key];
    if (!isText(value)) return undefined;
    quads.push(quad(blank('s'), iri, literal(value, datatype)));
  }
  for (const [i, status] of statuses.entries()) {
    if (!isRecord(status) || !hasExactly(status, STATUS_KEYS) || status.type !== 'BitstringStatusListEntry') return undefined;
    const { statusPurpose, statusListIndex, statusListCredential } = status;
    if (!isText(statusPurpose) || !isText(statusListIndex) || !isText(statusListCredential) || !STATUS_LIST_URL.test(statusListCredential))
      return undefined;
    const entry = blank(`status${i}`);
    quads.push(
      quad(credential, `${CRED}credentialStatus`, entry),
      quad(entry, RDF_TYPE, named(`${STATUS}BitstringStatusListEntry`)),
      quad(entry, `${STATUS}statusPurpose`, literal(statusPurpose)),
      quad(entry, `${STATUS}statusListIndex`, literal(statusListIndex)),
      quad(entry, `${STATUS}statusListCredential`, named(statusListCredential)),
    );
  }
  return quads;
}

function proofOptionsQuads(proof: Record<string, unknown>): Quad[] | undefined {
  const { type, created, verificationMethod, cryptosuite, proofPurpose } = proof;
  if (type !== 'DataIntegrityProof' || cryptosuite !== 'eddsa-rdfc-2022' || proofPurpose !== 'assertionMethod') return undefined;
  if (!isText(created) || !isText(verificationMethod) || !VERIFICATION_METHOD.test(verificationMethod)) return undefined;
  const node = blank('proof');
  return [
    quad(node, RDF_TYPE, named(`${SEC}DataIntegrityProof`)),
    quad(node, 'http://purl.org/dc/terms/created', literal(created, `${XSD}dateTime`)),
    quad(node, `${SEC}verificationMethod`, named(verificationMethod)),
    quad(node, `${SEC}cryptosuite`, literal(cryptosuite, `${SEC}cryptosuiteString`)),
    quad(node, `${SEC}proofPurpose`, named(`${SEC}assertionMethod`)),
  ];
}

/**
 * The statements of a voucher without its proof, or of a voucher's proof options (the proof without its value,
 * under the voucher's contexts), as `jsonld.toRDF` gives them; `undefined` for anything else.
 */
export function voucherQuads(input: unknown): Quad[] | undefined {
  if (!isRecord(input) || !hasOurContexts(input)) return undefined;
  if (hasExactly(input, DOCUMENT_KEYS)) return documentQuads(input);
  if (hasExactly(input, PROOF_KEYS)) return proofOptionsQuads(input);
  return undefined;
}
