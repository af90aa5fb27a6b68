/**
 * The portal's ID preview, bundled for the browser (build-id-preview.ts): what a Claim 169 ID QR code says, read on
 * the phone right after the code is, so the applicant sees it before sending it. Nothing is checked here (no
 * issuer, no signature): the page says so, and the server checks the text again when it is sent.
 */
import { decodeClaim169, verifiedIdOfClaim169, type VerifiedId } from '../../../modules/identity/browser.js';

/** What the preview shows: the fields an application takes from the ID. */
export type IdPreview = Pick<VerifiedId, 'idNumber' | 'givenName' | 'familyName' | 'birthDate' | 'gender' | 'address'>;

/** The ID's fields, or undefined when this device cannot read the code (encrypted, a credential, damaged). */
export async function previewIdQr(text: string): Promise<IdPreview | undefined> {
  try {
    const decoded = await decodeClaim169(text.trim());
    const fields = verifiedIdOfClaim169(decoded.claim169, decoded.meta.issuer ?? '', decoded.meta.expiresAt);
    if (!fields) return undefined;
    const { idNumber, givenName, familyName, birthDate, gender, address } = fields;
    return { idNumber, givenName, familyName, birthDate, gender, address };
  } catch {
    // The server names what is wrong with a code; the preview only shows what it can read.
    return undefined;
  }
}
