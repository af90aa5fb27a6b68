/**
 * The JSON-LD document loader of every signing, verifying and CBOR-LD step. It answers from documents
 * bundled with the service (npm context packages and our `contexts/` folder) and computes `did:key`
 * documents; any other URL is refused, so verification never touches the network and a credential cannot
 * make the service fetch anything.
 */
import { resolveDidKey } from '../../platform/keys/did-key.js';
import { BUNDLED_CONTEXTS } from './bundled-contexts.js';

export { BUNDLED_CONTEXTS };

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A URL the loader does not hold; the message names the URL (never personal data: contexts and DIDs only). */
export class DocumentNotBundledError extends Error {
  readonly code = 'ERR_DOCUMENT_NOT_BUNDLED';
  constructor(readonly url: string) {
    super(`${url} is not bundled with the service and is never fetched`);
    this.name = 'DocumentNotBundledError';
  }
}

export interface CreateDocumentLoaderOptions {
  /** More documents by URL (tests add the W3C examples context of the conformance vectors). Default none. */
  extraDocuments?: ReadonlyMap<string, unknown>;
}

export function createDocumentLoader(options: CreateDocumentLoaderOptions = {}): DocumentLoader {
  const documents = new Map([...BUNDLED_CONTEXTS, ...(options.extraDocuments ?? [])]);
  return async (url: string) => {
    const document = documents.get(url) ?? (url.startsWith('did:key:') ? await resolveDidKey(url) : undefined);
    if (document === undefined) throw new DocumentNotBundledError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
