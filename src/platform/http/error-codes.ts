/**
 * Every error code the service answers with, in one table: its HTTP status, a title that names what
 * happened, and an explanation in plain language of what happened and what the person can do. The
 * problem document's `title`, the `/problems/<slug>` pages and the portals' messages all read it, and
 * an AppError takes its status from here, so one code never answers with two statuses.
 *
 * Adding a code: put it in its module's block (a new module starts its own block), with a title that
 * says what went wrong (not "Error" or "Conflict") and an explanation that says what to do next, and
 * raise it somewhere (test/unit/platform/http/error-codes.test.ts checks both ways).
 */

export interface ErrorCodeEntry {
  status: number;
  /** Short, specific, the same for every occurrence: the problem document's `title`. */
  title: string;
  /** What happened and what the person can do, in plain language; what this request did wrong is the `detail`. */
  explanation: string;
}

export const ERROR_CODES = {
  // Requests and their bodies
  ERR_VALIDATION: {
    status: 400,
    title: 'Some of what was sent is missing or not valid',
    explanation:
      'Part of the request is missing, unknown or has a value that is not accepted. Each field is named; correct it and send again.',
  },
  ERR_PAGE_TOO_DEEP: {
    status: 400,
    title: 'That page is too far into the results to ask for by number',
    explanation:
      'Pages by number reach the first 1,000 results. To go further, ask for the page after the last result you have' +
      ' (the "after" value each page gives).',
  },
  ERR_VALUE_NOT_STORABLE: {
    status: 400,
    title: 'A value cannot be stored as sent',
    explanation: 'A value is out of range, too long, or has characters that cannot be stored. Correct it and send it again.',
  },
  ERR_MALFORMED_JSON: {
    status: 400,
    title: 'The body is not well-formed JSON',
    explanation: 'The request body could not be read as JSON. Check the quotes, commas and brackets, and send it again.',
  },
  ERR_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'This content type is not accepted here',
    explanation: 'The body was sent in a format this address does not take. Send it as the API reference says, usually application/json.',
  },
  ERR_PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'The request or file is too large',
    explanation: 'What was sent is larger than this address accepts. Send a smaller file or body; the API reference gives the limit.',
  },
  ERR_NOT_FOUND: {
    status: 404,
    title: 'Nothing found at this address',
    explanation: 'There is nothing here, or nothing you are allowed to see. Check the address, or go back and follow a link.',
  },
  ERR_METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'This method is not allowed here',
    explanation: 'The address exists, but not with this HTTP method. The API reference lists the methods each address takes.',
  },
  ERR_IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'This Idempotency-Key was used for another request',
    explanation: 'Repeat a key only to retry the very same request; nothing was done. Send a new request with a new key.',
  },

  // Signing in and permissions
  ERR_AUTH_REQUIRED: {
    status: 401,
    title: 'You need to sign in first',
    explanation: 'No access token came with the request. Sign in, and send the token in the Authorization header as "Bearer <token>".',
  },
  ERR_AUTH_TOKEN_INVALID: {
    status: 401,
    title: 'The access token is not valid',
    explanation: 'The token is malformed, forged, from another issuer or meant for another service. Sign in again to get a new one.',
  },
  ERR_AUTH_TOKEN_EXPIRED: {
    status: 401,
    title: 'The access token has expired',
    explanation: 'Access tokens last a short time. Sign in again, or refresh the token, and repeat the request.',
  },
  ERR_FORBIDDEN_ROLE: {
    status: 403,
    title: 'Your role does not allow this',
    explanation:
      'You are signed in, but none of your roles may do this; the message names the roles that may. Ask an administrator if you need one.',
  },
  ERR_CSRF: {
    status: 403,
    title: 'This form has expired',
    explanation:
      'The form came without its security token, usually because the page was open for a long time. Reload the page and try again.',
  },
  ERR_SIGN_IN_INCOMPLETE: {
    status: 400,
    title: 'Signing in did not finish',
    explanation: 'The sign-in took too long, or was started in another tab or browser. Start again from the sign-in button.',
  },

  // Limits on how often a caller may ask
  ERR_RATE_LIMITED: {
    status: 429,
    title: 'Too many requests in a short time',
    explanation:
      'More requests came from you, or from your network, than the service takes in a short time, so this one was not carried out. ' +
      'Wait a little while, then try again.',
  },

  // Changes made at the same time
  ERR_CONFLICT: {
    status: 409,
    title: 'Clashes with a change made at the same moment',
    explanation: 'Someone else changed the same thing at the same moment, so nothing was saved. Try again.',
  },
  ERR_VERSION_CONFLICT: {
    status: 409,
    title: 'Changed by someone else since you read it',
    explanation: 'Someone changed this after you opened it, so your change was not saved. Reload it and make your change again.',
  },

  // Faults on our side
  ERR_SERVICE_UNAVAILABLE: {
    status: 503,
    title: 'A service we depend on is not answering',
    explanation: 'This is on our side, not in what you sent. Try again in a moment.',
  },
  ERR_INTERNAL: {
    status: 500,
    title: 'Something went wrong on our side',
    explanation:
      'This is our fault, not yours. Try again later; if it keeps happening, quote the request id so we can find it in our logs.',
  },

  // Notifications
  ERR_NOTIFICATION_TEMPLATE_INVALID: {
    status: 400,
    title: 'The notice template cannot be used as written',
    explanation:
      'A template must be a valid message and use only the values its kind of notice has (the name, the reference, the link…). ' +
      'Each field says what is wrong; correct it and save again.',
  },

  // Erasure (a person's rights over their data)
  ERR_ERASURE_NOT_PENDING: {
    status: 409,
    title: 'This erasure request is not pending',
    explanation: 'The request was already completed, so there is nothing left to do. Open the list of pending requests.',
  },
  ERR_ERASURE_VOUCHER_IN_FORCE: {
    status: 409,
    title: 'The person still has a voucher in force',
    explanation:
      'A voucher of this person can still be used at a provider, so their data cannot be erased yet. ' +
      'Revoke the voucher first, then complete the request.',
  },

  // Programs
  ERR_PROGRAM_CODE_TAKEN: {
    status: 409,
    title: 'The program code is already taken',
    explanation: 'Another program already uses this code, and codes are unique. Choose a different code.',
  },
  ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE: {
    status: 409,
    title: 'An open program needs an assessment stage',
    explanation:
      'A program that takes applications needs an assessment stage, where the amount is set. Add one, or close the program first.',
  },
  ERR_OFFICER_GROUP_UNKNOWN: {
    status: 400,
    title: 'No officer group with that code',
    explanation: 'The stage names an officer group that does not exist. Create the group first, or choose an existing one.',
  },
  ERR_OFFICER_UNKNOWN: {
    status: 400,
    title: 'No such officer in the identity provider',
    explanation:
      'A user named as an officer (of a stage or in a group) is not in the identity provider, or their account is disabled. ' +
      'Check the user name.',
  },
  ERR_OFFICER_LACKS_ROLE: {
    status: 400,
    title: 'This user is not an officer',
    explanation:
      'A user named as an officer does not hold the reviewer or assessor role. Give them one in the identity provider first, ' +
      'or choose someone else.',
  },
  ERR_STAGE_POSITION: {
    status: 400,
    title: 'The stage position is past the end of the list',
    explanation:
      'A stage goes at a position from 1 to one after the last stage. Choose a position in that range, or leave it out to add it last.',
  },
  ERR_TIME_ZONE_UNKNOWN: {
    status: 400,
    title: 'No time zone with that name',
    explanation:
      'A program runs in a time zone named as in the IANA time zone database, such as Africa/Nairobi or America/Lima. ' +
      'Check the spelling (capitals, and underscores for spaces) and send it again.',
  },
  ERR_VOUCHER_LOGO_NOT_IMAGE: {
    status: 415,
    title: 'The logo is not a PNG or JPEG image',
    explanation:
      'A voucher logo must be a PNG or JPEG image; the file sent is neither, whatever its name says. ' +
      'Save the logo as PNG or JPEG and upload it again.',
  },
  ERR_VOUCHER_LOGO_TOO_LARGE: {
    status: 413,
    title: 'The logo image is too large',
    explanation: 'A voucher logo may have at most 200 KB. Make the image smaller (fewer pixels, or more compression) and upload it again.',
  },

  // Registry
  ERR_PAYMENT_ACCOUNT_INVALID: {
    status: 400,
    title: 'The payment account number does not fit its kind',
    explanation:
      'A bank account number has 4 to 34 letters and digits; a mobile money number is a phone number of 6 to 15 digits. ' +
      'Check the number and the kind of account, and send it again.',
  },
  ERR_REGISTRANT_DUPLICATE: {
    status: 409,
    title: 'This person is already in the registry',
    explanation: 'A registrant with this ID type and number already exists. Find them in the registry and correct their record instead.',
  },
  ERR_REGISTRY_CHANGED: {
    status: 409,
    title: 'The registry changed since the application was submitted',
    explanation:
      'The value the applicant proposed was measured against a registry value that has been changed since. ' +
      'Look at the registrant as it is now: keep the registry as it is, or correct it there.',
  },

  // Applications
  ERR_PROGRAM_CLOSED: {
    status: 422,
    title: 'The program is not taking applications',
    explanation: 'The program does not exist or has closed, so it takes no applications now. Choose a program that is open.',
  },
  ERR_UNKNOWN_TREATMENT_TYPE: {
    status: 400,
    title: "Not one of the program's treatment types",
    explanation: 'A program covers only the treatment types it lists. Choose one of them.',
  },
  ERR_CURRENCY_MISMATCH: {
    status: 400,
    title: "Not in the program's currency",
    explanation: "Amounts must be in the program's currency. Give the amount in that currency.",
  },
  ERR_AMOUNT_NOT_POSITIVE: {
    status: 400,
    title: 'The amount must be more than zero',
    explanation: 'An amount of zero or less cannot be paid. Enter an amount above zero.',
  },
  ERR_IDENTITY_UNVERIFIED: {
    status: 403,
    title: 'Verify your ID first',
    explanation:
      'Applying needs an account linked to a verified ID, and yours has none yet. Scan, upload or paste the QR code of your ID card ' +
      'in the Self-Service Portal (Verify your ID), then apply.',
  },
  ERR_ID_VERIFIED_FIELD_CHANGED: {
    status: 400,
    title: 'A field your verified ID vouches for was changed',
    explanation:
      'Your name, birth date, gender and address are taken from the ID you verified and cannot be changed in an application. ' +
      'Send them as your ID writes them, or leave the address line out.',
  },
  ERR_IDENTITY_MISMATCH: {
    status: 400,
    title: 'Not the ID your account is verified with',
    explanation:
      'You can apply only as yourself: an ID in the application must be the one your account is verified with. Leave it out or correct it.',
  },
  ERR_DOCUMENT_NOT_ATTACHABLE: {
    status: 400,
    title: 'A document cannot be attached',
    explanation: 'A listed document does not exist or was not uploaded by you. Remove it, and upload the file again yourself.',
  },
  ERR_DRAFT_QUOTA_REACHED: {
    status: 409,
    title: 'Too many applications started and not sent',
    explanation:
      'You already have as many unfinished applications as one person may keep at once. ' +
      'Send or discard one of them, then start the new one.',
  },
  ERR_APPLICATION_NOT_DRAFT: {
    status: 409,
    title: 'The application was already submitted',
    explanation: 'A submitted application can no longer be changed as a draft. Open it from your applications to follow its progress.',
  },
  ERR_APPLICATION_INCOMPLETE: {
    status: 400,
    title: 'The application is not finished',
    explanation: 'Something needed to submit the application is missing or not valid; each field is named. Complete it and submit again.',
  },
  ERR_NOT_FIRST_STAGE_OFFICER: {
    status: 403,
    title: 'Only the first-stage officer decides proposed registry changes',
    explanation:
      "Changes an applicant proposes to officer-verified registry data are decided by the designated officer of the application's " +
      'first stage. Leave them to that officer.',
  },
  ERR_PROPOSAL_DECIDED: {
    status: 409,
    title: 'This proposed change was already decided',
    explanation: 'Each proposed registry change is decided once, and this one has been. Reload the application to see the decision.',
  },

  // Approvals
  ERR_APPROVAL_FINISHED: {
    status: 409,
    title: 'The approval of this application has ended',
    explanation:
      'The application was rejected at a stage or approved at its last stage, so no stage is left to decide. ' +
      'Reload it to see its decisions.',
  },
  ERR_APPROVAL_NOT_CURRENT_STAGE: {
    status: 409,
    title: 'This stage is not the one being decided now',
    explanation:
      'Stages are decided one at a time, in order, and this one is not the current stage (someone may have decided it a moment ago). ' +
      'Reload the application to see where it stands.',
  },
  ERR_APPROVAL_NOT_DESIGNATED: {
    status: 403,
    title: 'You are not the designated officer of this stage',
    explanation:
      'Only the officer the program designates for a stage (the named user, or a member of the named group) decides it. ' +
      'Leave it to that officer, or ask the program manager.',
  },
  ERR_APPROVAL_OWN_APPLICATION: {
    status: 403,
    title: 'Nobody decides their own application',
    explanation:
      'You submitted this application, or it is about you, so another officer must decide it. Ask the program manager to reassign it.',
  },
  ERR_APPROVAL_FAMILY_MEMBER: {
    status: 403,
    title: 'Nobody decides an application of their family',
    explanation:
      'You are a family member of the applicant, or the applicant is one of yours, so another officer must decide it. ' +
      'Ask the program manager to reassign it.',
  },
  ERR_APPROVAL_SECOND_STAGE: {
    status: 403,
    title: 'You already decided another stage of this application',
    explanation:
      'One person decides at most one stage of an application, so that every stage is a fresh pair of eyes. ' +
      'Ask the program manager to reassign this stage.',
  },
  ERR_APPROVAL_REASON_UNKNOWN: {
    status: 400,
    title: "Not one of the program's reason codes",
    explanation: 'A decision gives one of the reason codes the program lists. Choose one of them.',
  },
  ERR_APPROVAL_REASON_TEXT_REQUIRED: {
    status: 400,
    title: 'A reason in words is needed',
    explanation: 'A rejection, and an amount above the estimated cost, must say why in words. Write the reason and send it again.',
  },
  ERR_APPROVAL_AMOUNT_REQUIRED: {
    status: 400,
    title: 'An assessment needs the amount',
    explanation: 'Approving an assessment stage sets the amount of the benefit. Enter the amount and send it again.',
  },
  ERR_APPROVAL_AMOUNT_NOT_ASSESSED_HERE: {
    status: 400,
    title: 'This stage does not set an amount',
    explanation: 'Only an assessment stage approves with an amount, and this is a review stage or a rejection. Leave the amount out.',
  },
  ERR_APPROVAL_AMOUNT_OVER_MAXIMUM: {
    status: 422,
    title: "The amount is above the program's maximum",
    explanation: 'No benefit may exceed the maximum amount the program sets, whatever the reason. Enter an amount up to the maximum.',
  },
  ERR_APPROVAL_AMOUNT_OVER_ESTIMATE: {
    status: 422,
    title: 'The amount is above the estimated cost',
    explanation:
      'An amount above the estimated cost of the treatment needs an override reason. Lower the amount, or give the override reason.',
  },
  ERR_STAGE_CHECKLIST_CODE_REPEATED: {
    status: 400,
    title: 'Two checklist items have the same code',
    explanation: "Each item of a stage's checklist has its own code, which the officer's answer names. Change the code of one of them.",
  },
  ERR_APPROVAL_CHECKLIST_UNANSWERED: {
    status: 400,
    title: 'A checklist item is not answered',
    explanation:
      "A decision answers every item of the stage's eligibility checklist with yes or no. Answer the item named and send it again.",
  },
  ERR_APPROVAL_CHECKLIST_ITEM_UNKNOWN: {
    status: 400,
    title: "Not an item of this stage's checklist",
    explanation:
      "The answer names an item that this stage's checklist does not have " +
      '(the application keeps the checklist it was submitted with). Answer only the items shown.',
  },
  ERR_APPROVAL_CHECKLIST_NO_REASON: {
    status: 400,
    title: 'Approving with a “no” needs a reason in words',
    explanation:
      'An item of the checklist is answered no. The stage may still be approved, but the reason must say why in words. ' +
      'Write the reason, or reject the stage.',
  },
  ERR_REASSIGNMENT_NOT_WAITING: {
    status: 409,
    title: 'The application does not wait at this stage',
    explanation:
      'Only applications waiting at a stage are reassigned; this one was decided at that stage already, has not reached it, ' +
      'or has ended. Reload it to see where it stands.',
  },
  ERR_DOCUMENT_REJECTION_NO_REASON: {
    status: 400,
    title: 'A rejected document needs a reason',
    explanation:
      'Marking a document rejected says why in words, so the applicant and the next officer know what is wrong with it. ' +
      'Write the reason and send it again.',
  },

  // Documents
  ERR_DOCUMENT_TYPE_REFUSED: {
    status: 415,
    title: 'This type of file is not accepted',
    explanation:
      "Only PDF, JPEG and PNG files are accepted, judged by the file's content, not its name. Send a PDF, or a photo saved as JPEG or PNG.",
  },
  ERR_DOCUMENT_QUOTA_REACHED: {
    status: 409,
    title: 'Too much uploaded for applications not yet sent',
    explanation:
      'Your uploaded documents that are not part of a sent application already take all the space one person may use. ' +
      'Send the application you are working on, or ask the program office for help; documents of sent applications do not count.',
  },
  ERR_DOCUMENT_INTEGRITY: {
    status: 500,
    title: 'A stored document failed its integrity check',
    explanation:
      'The stored file no longer matches the fingerprint taken at upload, so it is not served. This is on our side; quote the request id.',
  },
  // Vouchers: their verification and their QR codes (src/modules/vouchers)
  ERR_DOCUMENT_NOT_BUNDLED: {
    status: 422,
    title: 'A credential names a context this service does not hold',
    explanation:
      'The credential refers to a JSON-LD context or key that is not among the ones this service keeps locally, ' +
      'and nothing is fetched from the network. ' +
      'Issue the credential with the published contexts only.',
  },
  ERR_VOUCHER_MALFORMED: {
    status: 422,
    title: 'The voucher is not shaped as an entitlement voucher',
    explanation:
      'The credential lacks a field an entitlement voucher must have, or has one of the wrong kind. ' +
      'Ask the program office for a new voucher.',
  },
  ERR_VOUCHER_SIGNATURE_INVALID: {
    status: 422,
    title: "The voucher's signature does not match its content",
    explanation:
      'Something in the voucher was changed after it was signed, or it was signed with another key. ' +
      'Do not serve it; ask the beneficiary to contact the program office.',
  },
  ERR_VOUCHER_ISSUER_UNTRUSTED: {
    status: 422,
    title: 'The voucher was issued by an unknown issuer',
    explanation:
      "The voucher is signed by a key that is not one of this program's issuers, current or retired. " +
      'Do not serve it; ask the beneficiary to contact the program office.',
  },
  ERR_VOUCHER_NOT_YET_VALID: {
    status: 422,
    title: 'The voucher is not valid yet',
    explanation:
      "The voucher's validity starts later than now. Serve it from the date it shows, or check the clock of the device that scanned it.",
  },
  ERR_VOUCHER_EXPIRED: {
    status: 422,
    title: 'The voucher has expired',
    explanation: "The voucher's validity ended before now. Ask the beneficiary to contact the program office about a new one.",
  },
  ERR_VOUCHER_REVOKED: {
    status: 422,
    title: 'The voucher has been revoked',
    explanation:
      'The program revoked this voucher, or it was redeemed in full. Do not serve it; the beneficiary can ask the program office why.',
  },
  ERR_VOUCHER_SUSPENDED: {
    status: 422,
    title: 'The voucher is suspended for now',
    explanation:
      'The program has put this voucher on hold. Do not serve it now; ' +
      'the beneficiary can ask the program office when it will be usable again.',
  },
  ERR_VOUCHER_REDEEMED: {
    status: 422,
    title: 'The voucher has been redeemed in full',
    explanation:
      'Everything this voucher entitled to has been provided and recorded, so nothing remains to serve. ' +
      'The beneficiary can ask the program office if they need more help.',
  },
  ERR_VOUCHER_STATUS_UNVERIFIABLE: {
    status: 422,
    title: "The voucher's status could not be checked",
    explanation:
      'The list that says whether this voucher is revoked or suspended is missing, not signed by a program issuer, or too short. ' +
      'Try again when the device is online; until then, do not treat the voucher as valid.',
  },
  // Vouchers: issuance and status
  ERR_APPLICATION_NOT_APPROVED: {
    status: 409,
    title: 'The application is not approved',
    explanation:
      'A voucher is issued only for an application every stage has approved. ' +
      'Wait until its last stage is decided, or look at why it stopped.',
  },
  ERR_VOUCHER_ALREADY_ISSUED: {
    status: 409,
    title: 'The application already has a voucher',
    explanation:
      'An application has one voucher in force at a time, and this one has it (perhaps issued by a colleague a moment ago). ' +
      'Open the application to see or reprint it.',
  },
  ERR_VOUCHER_OWN_APPLICATION: {
    status: 403,
    title: 'You cannot issue a voucher for your own application',
    explanation: 'Nobody issues a voucher to themselves. Another issuing officer must issue this one.',
  },
  ERR_VOUCHER_REVOKED_ALREADY: {
    status: 409,
    title: 'The voucher is already revoked',
    explanation: 'A revoked voucher stays revoked; nothing was changed. Its revocation and its reason are on the voucher.',
  },
  ERR_VOUCHER_NOT_ACTIVE: {
    status: 409,
    title: 'The voucher is not in force',
    explanation: 'Only a voucher in force can be suspended. A suspended voucher is reinstated first; a revoked one stays revoked.',
  },
  ERR_VOUCHER_NOT_SUSPENDED: {
    status: 409,
    title: 'The voucher is not suspended',
    explanation: 'Only a suspended voucher can be reinstated. Reload the voucher to see its current status.',
  },
  ERR_VOUCHER_NOT_PRINTABLE: {
    status: 422,
    title: 'The voucher cannot be printed in its letters yet',
    explanation:
      'A name or the program’s text uses letters the printable voucher’s fonts do not have yet (only Latin-script letters print). ' +
      'Show the QR code on screen or download its image instead; the voucher itself is valid.',
  },
  ERR_CREDENTIAL_VOUCHER_TYPE: {
    status: 422,
    title: 'Entitlement vouchers are issued for approved applications only',
    explanation:
      'The general issue operation does not sign entitlement vouchers. ' +
      'Issue the voucher of an approved application instead, so it has its amount, its status entries and its record.',
  },
  // Reimbursement claims
  ERR_CLAIM_FOREIGN_REDEMPTION: {
    status: 422,
    title: "A redemption named is not your facility's",
    explanation:
      'A claim covers redemptions of the claiming facility only, and at least one of those named is another ' +
      "facility's or does not exist. Remove it and send the claim again.",
  },
  ERR_REDEMPTION_ALREADY_CLAIMED: {
    status: 409,
    title: 'A redemption is in another claim already',
    explanation:
      'Each redemption is reimbursed once, through one claim, and at least one of those named is in another claim. ' +
      'Remove it, or wait for that claim to be rejected.',
  },
  ERR_CLAIM_MIXED_CURRENCIES: {
    status: 422,
    title: 'The redemptions are in more than one currency',
    explanation: 'A claim is paid in one currency, and the redemptions named are in several. Send one claim per currency.',
  },
  ERR_CLAIM_TOTAL_MISMATCH: {
    status: 422,
    title: 'The total is not the sum of the redemptions',
    explanation:
      'The total claimed must equal the amounts of the redemptions it covers. ' +
      'The expected total is given; correct the claim and send it again.',
  },
  ERR_CLAIM_INVOICE_MISSING: {
    status: 422,
    title: 'The claim has no invoice of yours',
    explanation:
      'A claim needs the invoice, uploaded by you as a document of kind invoice. Upload it first, then send the claim with its id.',
  },
  ERR_CLAIM_NOT_SUBMITTED: {
    status: 409,
    title: 'The claim is not waiting for a decision',
    explanation: 'Only a submitted claim is approved or rejected, and this one has been decided already. Reload it to see its decision.',
  },
  ERR_CLAIM_NOT_APPROVED: {
    status: 409,
    title: 'The claim is not approved',
    explanation: 'Only an approved claim is marked paid. Approve it first, or reload it to see whether it was paid already.',
  },
  // Service providers and redemptions
  ERR_DOCUMENT_KIND_NOT_YOURS: {
    status: 403,
    title: 'This kind of document is not yours to upload',
    explanation:
      'Service providers upload the invoices of their reimbursement claims, and only those; everybody else uploads the ' +
      'documents of an application. Choose the kind that matches who you are.',
  },
  ERR_PROVIDER_NOT_LINKED: {
    status: 403,
    title: 'Your account is not linked to a service provider',
    explanation:
      'Vouchers are redeemed on behalf of a registered facility, and your account is not linked to one. ' +
      'Ask the program manager to link your user to your facility.',
  },
  ERR_PROVIDER_USER_UNKNOWN: {
    status: 422,
    title: 'No such user in the identity provider',
    explanation: 'The user name is not in the identity provider, or the account is disabled. Check the user name and try again.',
  },
  ERR_PROVIDER_USER_LACKS_ROLE: {
    status: 422,
    title: 'This user is not a service provider',
    explanation:
      'Only users with the service-provider role can be linked to a facility. ' +
      'Give them that role in the identity provider first, or choose someone else.',
  },
  ERR_PROVIDER_USER_LINKED_ELSEWHERE: {
    status: 409,
    title: 'This user is linked to another facility',
    explanation:
      'A user redeems vouchers for one facility at a time, and this one is linked to another. Remove them from that facility first.',
  },
  ERR_REDEMPTION_OVER_REMAINING: {
    status: 422,
    title: 'The amount is more than what remains on the voucher',
    explanation:
      'A voucher can be redeemed in parts, but never for more than its value in total. ' +
      'Enter at most the amount that remains, shown on the voucher’s scan result.',
  },
  ERR_CREDENTIAL_NOT_SIGNABLE: {
    status: 422,
    title: 'The credential cannot be signed as sent',
    explanation:
      'The credential uses a context this service does not hold (nothing is fetched from the network), or is not a valid ' +
      'Verifiable Credential of the VC Data Model 2.0. Use the bundled contexts and send it again.',
  },
  ERR_QR_NOT_VC1: {
    status: 400,
    title: 'The code read is not a voucher code',
    explanation:
      'The text read from the QR code is neither a VC1- voucher code nor a PixelPass code, so it is not a voucher. ' +
      "Scan the voucher's QR code again, or paste its full text.",
  },
  ERR_QR_UNSUPPORTED_MULTIBASE: {
    status: 400,
    title: 'The voucher code uses an unsupported encoding',
    explanation:
      'After VC1- the code must continue with R (base45). ' +
      "Scan the voucher's QR code again, or ask its issuer for a voucher in the standard form.",
  },
  ERR_QR_NOT_BASE45: {
    status: 400,
    title: 'The voucher code is not valid base45',
    explanation:
      'The code holds characters base45 does not use, or was cut short. Scan the QR code again in good light, or paste its full text.',
  },
  ERR_QR_NOT_PIXELPASS: {
    status: 400,
    title: 'The PixelPass code cannot be read',
    explanation:
      'The code is written like a PixelPass code, but it does not unpack to a credential. Scan it again; ' +
      'if it still fails, the code is damaged or is not a voucher, and the beneficiary should contact the program office.',
  },
  ERR_QR_NOT_CBORLD: {
    status: 400,
    title: "The voucher code's content cannot be read",
    explanation:
      'The code decodes, but its content is not a credential this service can read. Scan it again; ' +
      'if it still fails, the voucher is damaged and the beneficiary should contact the program office.',
  },
  ERR_QR_UNKNOWN_REGISTRY_ENTRY: {
    status: 400,
    title: 'The voucher code uses a vocabulary this service does not know',
    explanation:
      'The code was compressed with a term table of another issuer, so this service cannot expand it. ' +
      'Use a scanner of that issuer, or ask the beneficiary for a voucher of this program.',
  },

  // Deduplication at the first stage (src/modules/deduplication, registry merges)
  ERR_DEDUP_NOT_FIRST_OFFICER: {
    status: 403,
    title: 'Only the first-stage officer resolves likely duplicates',
    explanation:
      "The likely duplicates of an application's registrant and family are read and resolved by the designated officer of its " +
      'first stage. Leave them to that officer.',
  },
  ERR_DUPLICATE_RESOLVED: {
    status: 409,
    title: 'These two records were resolved already',
    explanation: 'A likely duplicate is merged, linked or dismissed once, and this pair has been. Reload the application to see how.',
  },
  ERR_DUPLICATE_REASON_REQUIRED: {
    status: 400,
    title: 'Dismissing a likely duplicate needs a reason',
    explanation: 'A dismissal is recorded with why the two records are two people. Say it in words, then dismiss again.',
  },
  ERR_MERGE_NEEDS_REGISTRANTS: {
    status: 422,
    title: 'Only two registrants can be merged',
    explanation:
      'A merge folds one registrant into another. When one of the two is a family member, link them as one household or dismiss ' +
      'the match instead.',
  },
  ERR_REGISTRANT_MERGED: {
    status: 409,
    title: 'This registrant was merged into another already',
    explanation:
      'One of the two registrants was merged into another record meanwhile. Reload the application to see its likely duplicates now.',
  },
  // Identity: the QR code of an applicant's ID (MOSIP Claim 169) and the trusted ID issuers
  ERR_ID_QR_NOT_BASE45: {
    status: 400,
    title: 'The ID code is not valid base45',
    explanation:
      'The text read from the QR code holds characters an ID code does not use, or has been cut. Scan the QR code of your ID again ' +
      'in good light, or paste its whole text.',
  },
  ERR_ID_QR_DAMAGED: {
    status: 400,
    title: 'The ID code was cut short or altered',
    explanation:
      'The code does not unpack: part of it is missing or was changed. Scan the QR code of your ID again, holding it flat and whole ' +
      'in the picture.',
  },
  ERR_ID_QR_NOT_COSE: {
    status: 400,
    title: 'The code is not an ID code',
    explanation:
      'The code unpacks, but it is not a signed ID (MOSIP Claim 169). Scan the QR code printed on your ID card, not another code.',
  },
  ERR_ID_QR_NO_IDENTITY: {
    status: 422,
    title: 'The code holds no identity',
    explanation:
      'The code is signed, but it carries no identity data (claim 169). Scan the QR code of your ID card, or ask its issuer for one ' +
      'that carries your identity.',
  },
  ERR_ID_QR_NOT_DECRYPTABLE: {
    status: 422,
    title: 'The encrypted ID code cannot be opened',
    explanation:
      "The code is encrypted, and none of the program's keys opens it. " +
      'Use an ID whose issuer the program works with, or contact the program office.',
  },
  ERR_ID_QR_SIGNATURE_INVALID: {
    status: 422,
    title: "The ID's signature does not match",
    explanation:
      'The code is not signed, or its content was changed after signing, or someone other than its issuer signed it. Only the QR ' +
      'code of a genuine ID is accepted; contact the program office if yours is refused.',
  },
  ERR_ID_QR_ISSUER_UNTRUSTED: {
    status: 422,
    title: "The ID's issuer is not trusted by the program",
    explanation:
      "The program accepts IDs only from the issuers it trusts, and this ID's issuer is not one of them. " +
      'Use another ID, or contact the program office.',
  },
  ERR_ID_QR_EXPIRED: {
    status: 422,
    title: 'The ID has expired',
    explanation: 'The code of this ID is past its expiry date. Renew your ID with its issuer, then verify it again.',
  },
  ERR_ID_QR_NOT_YET_VALID: {
    status: 422,
    title: 'The ID is not valid yet',
    explanation: 'The code of this ID becomes valid at a later date. Try again from that date, or use another ID.',
  },
  ERR_ID_QR_STATUS_UNCHECKABLE: {
    status: 422,
    title: "The ID's status cannot be checked",
    explanation:
      'The ID credential names a status list (where its issuer marks revoked IDs), and the program cannot consult it, so it ' +
      'cannot tell whether the ID still stands. Use the QR code of your ID card, or contact the program office.',
  },
  ERR_ID_QR_INCOMPLETE: {
    status: 422,
    title: 'The ID has no ID number',
    explanation: 'The code is genuine, but it holds no ID number, so it cannot identify you. Use an ID whose code carries its number.',
  },
  ERR_ID_QR_ID_MISMATCH: {
    status: 422,
    title: 'Not the ID your account belongs to',
    explanation: 'Your account is already tied to another ID number, and this code is of a different one. Scan the QR code of your own ID.',
  },
  ERR_ID_QR_ID_LINKED_ELSEWHERE: {
    status: 409,
    title: 'This ID is already linked to another account',
    explanation:
      'Each ID can be linked to one account only, and this one already is. If it is yours, contact the program office; the attempt ' +
      'has been recorded.',
  },
  ERR_ID_ISSUER_EXISTS: {
    status: 409,
    title: 'This ID issuer is already trusted',
    explanation: 'An issuer is trusted once, with all its keys. Open it in the list and add the key there.',
  },
  ERR_ID_ISSUER_KEY_INVALID: {
    status: 400,
    title: 'A key is not a public key of its algorithm',
    explanation:
      'An EdDSA key is 32 bytes (64 hex digits); an ES256 key is the uncompressed P-256 point, 65 bytes starting 04 (130 hex ' +
      'digits). Correct the key and send again.',
  },
  // G2P Connect / DCI registry gateway (its message-level errors are DCI codes inside the answer, not problems)
  ERR_G2P_SCOPE_MISSING: {
    status: 403,
    title: 'This partner system may not call this operation',
    explanation:
      "The access token was issued to a client that lacks this operation's scope (for example g2p:registry:search). Ask the" +
      " registry's administrators to grant it to your client, then request a new token.",
  },
} as const satisfies Record<`ERR_${string}`, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes whose status is `S`: what an error class of that status may be raised with. */
export type ErrorCodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never;
}[ErrorCode];

export function describeErrorCode(code: ErrorCode): ErrorCodeEntry {
  return ERROR_CODES[code];
}
