/** What other modules and the composition root may use of verification (what scanners read). */
export { createVerificationService, type VerificationService } from './service.js';
export { createVerificationHandlers } from './routes.js';
export type { ScanInput, ScanVerification } from './verify-scan.js';
