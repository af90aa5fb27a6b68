/**
 * The keys of MOSIP's claim 169 (identity data in a CWT), by number, and how they read as named fields. Keys
 * this table does not know are kept under their number (forward compatibility), never dropped.
 */
const TEXT_FIELDS: Record<number, string> = {
  1: 'id',
  2: 'version',
  3: 'language',
  4: 'fullName',
  5: 'firstName',
  6: 'middleName',
  7: 'lastName',
  8: 'dateOfBirth',
  10: 'address',
  11: 'email',
  12: 'phone',
  13: 'nationality',
  15: 'guardian',
  19: 'secondaryFullName',
  20: 'secondaryLanguage',
  21: 'locationCode',
  22: 'legalStatus',
  23: 'countryOfIssuance',
};

const NUMBER_FIELDS: Record<number, string> = { 9: 'gender', 14: 'maritalStatus', 17: 'photoFormat' };

const BIOMETRIC_FIELDS: Record<number, string> = {
  50: 'rightThumb',
  51: 'rightPointerFinger',
  52: 'rightMiddleFinger',
  53: 'rightRingFinger',
  54: 'rightLittleFinger',
  55: 'leftThumb',
  56: 'leftPointerFinger',
  57: 'leftMiddleFinger',
  58: 'leftRingFinger',
  59: 'leftLittleFinger',
  60: 'rightIris',
  61: 'leftIris',
  62: 'face',
  63: 'rightPalm',
  64: 'leftPalm',
  65: 'voice',
};

export interface Biometric {
  /** The biometric's bytes, in base64. */
  data?: string;
  format?: number;
  subFormat?: number;
  issuer?: string;
}

/** Claim 169 with named fields; numbers and text as the code holds them. */
export interface Claim169 {
  id?: string;
  version?: string;
  language?: string;
  fullName?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  /** `YYYYMMDD` or `YYYY-MM-DD`, as issued. */
  dateOfBirth?: string;
  /** 1 male, 2 female, 3 other. */
  gender?: number;
  address?: string;
  email?: string;
  phone?: string;
  nationality?: string;
  maritalStatus?: number;
  guardian?: string;
  /** The photo's bytes, in base64. */
  photo?: string;
  photoFormat?: number;
  bestQualityFingers?: number[];
  secondaryFullName?: string;
  secondaryLanguage?: string;
  locationCode?: string;
  legalStatus?: string;
  countryOfIssuance?: string;
  [biometricOrUnknown: string]: unknown;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function biometricsOf(value: unknown): Biometric[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry): Biometric[] => {
    if (!(entry instanceof Map)) return [];
    const data: unknown = entry.get(0);
    const format: unknown = entry.get(1);
    const subFormat: unknown = entry.get(2);
    const issuer: unknown = entry.get(3);
    return [
      {
        ...(data instanceof Uint8Array ? { data: toBase64(data) } : {}),
        ...(typeof format === 'number' ? { format } : {}),
        ...(typeof subFormat === 'number' ? { subFormat } : {}),
        ...(typeof issuer === 'string' ? { issuer } : {}),
      },
    ];
  });
}

/** Claim 169's map (integer keys) as named fields; a value of the wrong type is left out rather than guessed. */
export function readClaim169(map: Map<unknown, unknown>): Claim169 {
  const claim: Claim169 = {};
  for (const [key, value] of map) {
    if (typeof key !== 'number') continue;
    const text = TEXT_FIELDS[key];
    const number = NUMBER_FIELDS[key];
    const biometric = BIOMETRIC_FIELDS[key];
    if (text) {
      if (typeof value === 'string') claim[text] = value;
    } else if (number) {
      if (typeof value === 'number') claim[number] = value;
    } else if (biometric) {
      const entries = biometricsOf(value);
      if (entries) claim[biometric] = entries;
    } else if (key === 16) {
      if (value instanceof Uint8Array) claim.photo = toBase64(value);
    } else if (key === 18) {
      if (Array.isArray(value) && value.every((finger) => typeof finger === 'number')) claim.bestQualityFingers = value as number[];
    } else {
      claim[String(key)] = value instanceof Uint8Array ? toBase64(value) : value;
    }
  }
  return claim;
}
