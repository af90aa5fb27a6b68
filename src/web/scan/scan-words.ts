/**
 * What the scanner page's script says when it draws a verdict itself (a check made in the browser, online
 * through the API or offline), in the page's language: the same words as the verdict the service renders.
 * Embedded in the page as JSON, escaped so no text can close its script element.
 */
import type { Request } from 'express';

/** Every failure a scan can name: the form of the text, then each check. */
const SCAN_FAILURES = [
  'ERR_QR_NOT_VC1',
  'ERR_QR_UNSUPPORTED_MULTIBASE',
  'ERR_QR_NOT_BASE45',
  'ERR_QR_NOT_CBORLD',
  'ERR_QR_UNKNOWN_REGISTRY_ENTRY',
  'ERR_QR_NOT_PIXELPASS',
  'ERR_VOUCHER_MALFORMED',
  'ERR_VOUCHER_SIGNATURE_INVALID',
  'ERR_VOUCHER_ISSUER_UNTRUSTED',
  'ERR_VOUCHER_NOT_YET_VALID',
  'ERR_VOUCHER_EXPIRED',
  'ERR_VOUCHER_REVOKED',
  'ERR_VOUCHER_SUSPENDED',
  'ERR_VOUCHER_REDEEMED',
  'ERR_VOUCHER_STATUS_UNVERIFIABLE',
] as const;
const CHECKS = ['format', 'signature', 'issuer', 'validity', 'status'] as const;
const FACTS = ['name', 'program', 'treatment', 'amount', 'validUntil', 'reference'] as const;

export function scanWords(req: Request): string {
  const words = {
    language: req.language === 'en' ? 'en-GB' : req.language,
    valid: req.t('provider.result.valid'),
    invalid: req.t('provider.result.invalid'),
    doNotServe: req.t('provider.result.doNotServe'),
    checksHeading: req.t('provider.result.checks'),
    voucherHeading: req.t('provider.result.voucher'),
    passed: req.t('provider.check.passed'),
    checks: Object.fromEntries(CHECKS.map((check) => [check, req.t(`provider.check.${check}`)])),
    facts: Object.fromEntries(FACTS.map((fact) => [fact, req.t(`provider.voucher.${fact}`)])),
    failures: Object.fromEntries(
      SCAN_FAILURES.map((code) => [code, { title: req.t(`problem.${code}.title`), explanation: req.t(`problem.${code}.explanation`) }]),
    ),
    // Placeholders the script fills: {time} and {age}.
    offlineNote: req.t('scan.offline.note', { time: '{time}', age: '{age}' }),
    ready: req.t('scan.offline.ready', { time: '{time}', age: '{age}' }),
    notReady: req.t('scan.offline.notReady'),
    cannotCheck: req.t('scan.offline.cannotCheck'),
    failedOnline: req.t('scan.failedOnline'),
    codeMissing: req.t('scan.codeMissing'),
  };
  return JSON.stringify(words).replace(/</g, '\\u003c');
}
