/**
 * Generated from openapi/*.yaml by `npm run openapi:types`. Do not edit by hand.
 */

export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is, their roles and the portals they may open */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved preferences (defaults until saved) */
        get: operations["getMyPreferences"];
        /** Save the caller's preferences */
        put: operations["putMyPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portals/{portal}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A role's workspace entry point
         * @description Each role opens one portal. Only a caller holding one of the portal's roles may read it
         *     (403 otherwise); the roles are listed in the response.
         */
        get: operations["getPortal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (the process answers) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (database reachable, migrations applied), with the outbox backlog */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programs (applicants see the open ones) */
        get: operations["listPrograms"];
        put?: never;
        /** Create a program (closed until opened) */
        post: operations["createProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        /** One program with its stages */
        get: operations["getProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a program, open or close it
         * @description Send the `version` you read; if someone changed the program since, the answer is 409 and nothing
         *     changes. Applications already submitted keep the stage list they started with.
         */
        patch: operations["updateProgram"];
        trace?: never;
    };
    "/programs/{programId}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a stage (at the end, or at `position`)
         * @description A user named as the officer must exist in the identity provider and hold the `reviewer` or `assessor`
         *     role (400 `ERR_OFFICER_UNKNOWN` or `ERR_OFFICER_LACKS_ROLE`); a group must exist
         *     (400 `ERR_OFFICER_GROUP_UNKNOWN`). The stage stores the user's subject.
         *     Its `checklist` (yes/no criteria its officer answers with each decision) gives each item its own code
         *     (400 `ERR_STAGE_CHECKLIST_CODE_REPEATED`); applications submitted from then on keep it.
         */
        post: operations["addProgramStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/stages/{stageId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
                stageId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a stage */
        delete: operations["removeProgramStage"];
        options?: never;
        head?: never;
        /**
         * Rename a stage, change its kind, officer or checklist, or move it
         * @description A new officer is checked as when adding a stage; a `checklist` replaces the stage's whole list. Running
         *     applications keep the stage list they were submitted with (see `reassignStage` to change the officer
         *     of waiting applications).
         */
        patch: operations["updateProgramStage"];
        trace?: never;
    };
    "/programs/{programId}/voucher-template": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        /**
         * How the program's vouchers are printed
         * @description A program that was never given a template answers with the defaults: its name as the title, no
         *     instructions, every field printed, in English, no logo. The QR code and the voucher reference are
         *     always printed.
         */
        get: operations["getVoucherTemplate"];
        /**
         * Replace the voucher template (the logo is kept)
         * @description Replaces the title, instructions, printed fields and language together; the logo is set and removed
         *     at `/voucher-template/logo`. Vouchers issued from then on are printed with it.
         */
        put: operations["updateVoucherTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/voucher-template/logo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Set the logo printed on the program's vouchers
         * @description Send the image as `multipart/form-data` in the field `file`. Its type is read from its first bytes:
         *     only PNG and JPEG are taken (415 `ERR_VOUCHER_LOGO_NOT_IMAGE`), of at most 204800 bytes
         *     (413 `ERR_VOUCHER_LOGO_TOO_LARGE`).
         */
        put: operations["setVoucherLogo"];
        post?: never;
        /** Print the program's vouchers without a logo */
        delete: operations["removeVoucherLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/officer-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups of officers a stage can be designated to */
        get: operations["listOfficerGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/officer-groups/{groupCode}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupCode: components["schemas"]["GroupCode"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Create a group, or replace its name and members
         * @description Every member must exist in the identity provider and hold the `reviewer` or `assessor` role
         *     (400 `ERR_OFFICER_UNKNOWN` or `ERR_OFFICER_LACKS_ROLE`, naming each refused member); members are
         *     stored by subject. Creating sends no `version` (or 0); changing sends the version read (409
         *     `ERR_VERSION_CONFLICT` when stale, or when creating a code that is taken).
         */
        put: operations["saveOfficerGroup"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the registry by ID, name or region
         * @description Registrants matching every given filter, ordered by name (lowercased, in Unicode code point order):
         *     by family name then given name, or, when `name` is given, by the name that matched, then the other.
         *     A page is read from an index in that order, so its cost does not grow with the number of matches:
         *     go from one page to the next with `after` (the `nextAfter` of the page before), at any depth.
         *     `page` numbers reach the first 1,000 matches; past them the answer is 400 `ERR_PAGE_TOO_DEEP`.
         *     Matches are counted up to 1,000: `totalIsExact` is false when there are more.
         */
        get: operations["searchRegistrants"];
        put?: never;
        /** Enrol a person in the registry */
        post: operations["createRegistrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrants/{registrantId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        /** One registrant with family members */
        get: operations["getRegistrant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a registrant's data (recorded with who and when) */
        patch: operations["updateRegistrant"];
        trace?: never;
    };
    "/registrants/{registrantId}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        /** Who changed what and when */
        get: operations["listRegistrantChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrants/{registrantId}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        /**
         * The likely duplicates of a registrant and their family
         * @description The same search as an application's candidates, for a registrant (merged registrants have none):
         *     each match with both people side by side, what matched and the score, best first (at most 50). The
         *     read is recorded. Resolving happens on an application, by its first-stage officer.
         */
        get: operations["listRegistrantDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/registrant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The applicant's own registry record (linked by the national ID in their token) */
        get: operations["getMyRegistrant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/data-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download everything the service holds about the caller, as one ZIP archive
         * @description The caller's own data, found by the subject (and the national ID) of their token, never by an id in the
         *     address: a ZIP archive holding `person.json` (one JSON document with a `format` version and `exportedAt`:
         *     the registry record with its family members, its change history, every application including drafts with
         *     its decisions and registry proposals, the metadata of every uploaded document, the vouchers with their
         *     credential, QR text and redemptions, and the account's preferences) and `documents/<sha256>-<file name>`
         *     with the bytes of each uploaded document. Officers are named by display name only. Each export is written
         *     to the audit trail (`person.data-exported`, ids only).
         */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a supporting document (PDF, JPEG or PNG)
         * @description Send the file as `multipart/form-data` with the fields `file` and `kind`. The type is read from
         *     the file's first bytes (PDF `%PDF-`, JPEG `FF D8 FF`, PNG signature); the file name and the
         *     declared content type are ignored for that, and anything else is refused with 415
         *     `ERR_DOCUMENT_TYPE_REFUSED`. Files larger than the service's cap (`DOCUMENT_MAX_BYTES`, 10 MiB by
         *     default) are refused with 413, empty ones with 400. The file name is kept only as a label, made
         *     safe (no folders, no control characters, an extension that matches the type).
         *     Applicants upload their own documents; officers may upload on an applicant's behalf.
         *     Each uploader's documents that no submitted application keeps may take at most
         *     `QUOTA_DOCUMENT_BYTES` (100 MiB by default); a file that would pass it is refused with 409
         *     `ERR_DOCUMENT_QUOTA_REACHED`. Documents of submitted applications do not count.
         *     A body over the cap is not read past it: the 413 comes at once (before any of the body when
         *     its declared `Content-Length` is over the cap) and the connection is closed after it.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        /**
         * A document's metadata
         * @description The uploader, auditors, and officers of a program the document's application belongs to may
         *     read it. For anyone else the document does not exist (404), so its existence does not leak.
         */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        /**
         * Download a document
         * @description The stored bytes, sent as an attachment with the type sniffed at upload and
         *     `X-Content-Type-Options: nosniff`. The `ETag` is the SHA-256 of the content; send it back in
         *     `If-None-Match` to get 304 when you already hold it. The hash is checked again on every read:
         *     content that no longer matches it is never served (500 `ERR_DOCUMENT_INTEGRITY`). Who may read
         *     it is as for the metadata.
         */
        get: operations["getDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Applications the caller may see
         * @description An applicant sees their own; an officer those of the programs in which they are a designated
         *     officer; an auditor all. Drafts are listed under `/application-drafts`.
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Apply for immediate assistance
         * @description Submits a complete application to an open program. The applicant is the signed-in person, linked
         *     to the registry by the national ID in their token; re-applying reuses their registrant and
         *     records what changed. The application keeps a snapshot of what was submitted and of the
         *     program's stages at that moment.
         */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * One application, as submitted, with its status and stage timeline
         * @description For the designated officer of the application's first stage, and for auditors, the answer also
         *     lists `registryProposals`: the values the applicant sent that differ from officer-verified values
         *     in the registry, which the registry kept (see `listRegistryProposals`).
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/registry-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * Registry changes the applicant proposed, for the first-stage officer to decide
         * @description When an application sends a value that differs from one an officer verified in the registry, the
         *     registry keeps the officer's value and the application keeps the applicant's as a proposed change.
         *     The designated officer of the application's first stage (one user, or a member of the group) and
         *     auditors may read them; another officer of the application gets 403 `ERR_NOT_FIRST_STAGE_OFFICER`,
         *     anyone who may not see the application 404.
         */
        get: operations["listRegistryProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/registry-proposals/{field}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /** @example occupation */
                field: components["schemas"]["RegistryField"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or keep one proposed registry change (first-stage officer)
         * @description `accept`: the registry takes the applicant's value, now verified by the deciding officer (recorded
         *     in the registrant's changes). `keep`: the registry stays as it is. Each proposal is decided once,
         *     with who and when; a second decision is 409 `ERR_PROPOSAL_DECIDED`. Accepting is refused with 409
         *     `ERR_REGISTRY_CHANGED` when the registry's value is no longer the one the proposal was made against
         *     (someone changed it since the application was submitted); keep it, or correct the registry.
         */
        post: operations["decideRegistryProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/stages/{position}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /**
                 * @description The stage's position in the application's own stage list (from 1)
                 * @example 1
                 */
                position: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject the current stage of an application (its designated officer)
         * @description Stages are decided one at a time, in the order of the stage list the application was submitted with.
         *     Only the designated officer of the current stage decides it: the named user, or a member of the named
         *     group. Nobody decides a stage of an application they submitted or whose applicant is of their family,
         *     and one person decides at most one stage of an application (403, naming the rule).
         *
         *     A `review` stage is approved or rejected. An `assessment` stage is approved with the `amount` of the
         *     benefit (in the program's currency, more than zero, at most the program's maximum, and at most the
         *     estimated cost unless an `overrideReason` is given), or rejected. The `reasonCode` is one of the
         *     program's reason codes; `reasonText` is required for a rejection, and an override needs its reason.
         *
         *     The decision answers every item of the stage's eligibility checklist (`checklist`, yes or no by item
         *     code); an unanswered or unknown item is refused (400, naming the item). Approving although an item is
         *     answered "no" is allowed with a `reasonText` saying why (the officer's judgement is recorded, not
         *     overruled); without one it is refused.
         *
         *     Approving moves the application on: `IN_REVIEW` after a review stage, `ASSESSED` once an assessment
         *     stage set the amount, `APPROVED` after the last stage. A rejection ends it (`REJECTED`). Decisions are
         *     final and recorded with the officer and the time.
         *
         *     Two decisions of one stage at once (two officers of a group, or a double click) record exactly one:
         *     the other is answered 409 with the application's `currentState`. Send an `Idempotency-Key` to retry
         *     safely.
         */
        post: operations["decideStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/documents/{documentId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Mark a document of the application verified, or rejected with a reason (officer of the current stage)
         * @description The designated officer of the application's current stage records their verdict on one of its attached
         *     documents: `verified`, or `rejected` with a `reason`. A later verdict (at this or a later stage)
         *     supersedes an earlier one; all are kept. Refused like a decision when the approval has ended (409), when
         *     the caller is not the designated officer of the current stage (403), or when separation of duties
         *     forbids them the application (403). The audit records the document, the stage and the verdict, never
         *     the reason.
         */
        put: operations["verifyDocument"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/document-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * The latest verdict on each verified or rejected document of an application (officers, auditors)
         * @description For each attached document an officer has marked, the latest verdict, with its reason, stage, officer
         *     and time. Documents not yet marked are absent. Visible to whoever may read the application as an
         *     officer or auditor; the reading is recorded like reading the application.
         */
        get: operations["listDocumentVerifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/stages/{position}/reassignment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
                /**
                 * @description The stage's position in the applications' own stage lists (from 1)
                 * @example 2
                 */
                position: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Name another officer for a stage of the applications waiting there (program manager)
         * @description The applications of the program waiting at stage `position` (or only `applicationId`) get `officer` as the
         *     designated officer of that stage, in their own stage lists: the previous officer no longer finds them in
         *     the work queue nor may decide them, and the new one may. Stages already decided, and the program's stage
         *     list (see `updateProgramStage`), are not changed. The officer is checked as the stage editor checks it
         *     (400 `ERR_OFFICER_UNKNOWN`, `ERR_OFFICER_LACKS_ROLE`, `ERR_OFFICER_GROUP_UNKNOWN`). Each application
         *     reassigned is recorded in the audit trail with who reassigned it, when, and the previous and new officer.
         *     An application named that does not wait at that stage is refused (409); with none named, no application
         *     waiting there is an empty list.
         */
        post: operations["reassignStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        /**
         * How many applications wait at each stage of a program, and since when (program manager)
         * @description One row per stage of the program's stage list, in order, with how many of its applications wait at
         *     that position now and the oldest wait: when the longest-waiting one arrived at the stage
         *     (`oldestWaitingSince`) and the earliest submission among those waiting (`oldestSubmittedAt`). A stage
         *     nobody waits at has `waiting` 0 and no times. Applications keep the stage list they were submitted
         *     with: where some wait at a position the program's list no longer has, that position is listed too,
         *     named as their own stage list names it, with `inStageList` false and no officer. `finished` counts
         *     the program's applications whose approval ended: approved, and rejected. Counts only: no
         *     application or applicant is named.
         */
        get: operations["getProgramPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Applications waiting at a stage the caller decides, oldest wait first
         * @description The applications whose current stage names the caller as its officer (by subject, or as a member of
         *     the named group), in the order they arrived at that stage, with how many wait at each stage. Items
         *     carry no personal data of the applicant; open the application for that.
         */
        get: operations["listWorkQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/signals": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * The fraud signals of an application (its designated officers)
         * @description Computed when asked, from what the service holds now: another open or recent (180 days) application
         *     of the same person (same registrant, or the same given name, family name, birth date and region) or of
         *     their household (a family member listed here is the applicant there, or the other way round); a
         *     document whose SHA-256 is attached to another person's application; the applicant's phone number, or
         *     their payment account (the same kind and number, whatever the spacing or the provider's spelling), on
         *     other registrants; an estimated cost far outside the usual range of the program's past applications
         *     for that treatment type (median and MAD over at least 10; modified z-score above 3.5). To the officer of
         *     the application's first stage only: the applicant's account was refused an ID (its verified ID QR) because
         *     that ID is linked to another account, with when (never the ID or the other account).
         *
         *     Each signal names its `kind`, its `evidence` (ids, codes and figures: never another person's personal
         *     data) and the other application it points to, with the latest review of it. Signals inform; they
         *     never decide. Only the application's designated officers see them (404 for anyone else, as for the
         *     application itself).
         */
        get: operations["listSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/signals/{signalKey}/review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /**
                 * @description The signal's `key`, as the list gave it
                 * @example cost-outlier
                 */
                signalKey: components["schemas"]["SignalKey"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a signal of an application as reviewed, with a note (its designated officers)
         * @description Records who looked at the signal, when, and what they concluded. The note is kept with the review
         *     and shown with the signal; the audit trail records the review without the note's text. A signal that
         *     the application no longer has is 404.
         */
        post: operations["reviewSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * The likely duplicates of an application's registrant and family (its first-stage officer)
         * @description Computed when asked, from the registry as it is now: the application's registrant and each of their
         *     family members, against every other registrant and family member (registrants merged into another
         *     left out). An **exact** match has the same ID type and value (compared by letters and digits, in any
         *     case); a **probable** match is scored from 0 to 1 from the name (trigram similarity of the full
         *     names, or the same Double Metaphone codes of given and family name), the birth date (the same, or off
         *     by one part or with day and month swapped) and the region, and raised from 0.8. Probable matches are
         *     looked for among people born the same day whose family name sounds like the person's family or given
         *     name, and people born on a date one slip away whose family and given names both sound like theirs.
         *
         *     Each candidate shows both people's fields side by side, what matched and the score. Pairs resolved
         *     already (on any application) are not raised again; this application's resolutions are listed. Only
         *     the designated officer of the application's first stage and auditors read it (403 for its other
         *     officers, 404 for anyone who may not see the application); the read is recorded.
         */
        get: operations["listDuplicateCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/duplicates/resolutions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge, link as one household, or dismiss a likely duplicate (the officer holding the first stage)
         * @description The designated officer of the application's first stage, while the application waits there, resolves
         *     one candidate the list gave (its `record`, the person of this application, and its `match`, the other,
         *     each by kind and id):
         *
         *     - `merge`: both are registrants and the same person; the other registrant is merged into this
         *       application's registrant. Nothing is lost: the kept registrant takes the merged one's optional
         *       values where it has none, its change history records every value the merged record held, and the
         *       merged registrant stays with its own history, pointing to the kept one.
         *     - `link-household`: the two belong to one household; the link is recorded with the pair.
         *     - `dismiss`: not the same person; a `reason` in words is required.
         *
         *     A pair is resolved once (409 after that); a pair that is no longer a candidate is 404. The resolution
         *     is recorded with who and when, and the audit trail names the pair by ids, never the reason's text.
         *     Refused (403) to the application's other officers and to an officer who submitted it or is of the
         *     applicant's family; 409 once the first stage is decided.
         */
        post: operations["resolveDuplicateCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/application-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The applicant's unfinished applications */
        get: operations["listApplicationDrafts"];
        put?: never;
        /**
         * Start an application and save it unfinished
         * @description One applicant may have at most `QUOTA_OPEN_DRAFTS` drafts open at once (10 by default): drafts
         *     started and neither submitted nor discarded. Past that, 409 `ERR_DRAFT_QUOTA_REACHED`; submitting
         *     or discarding a draft frees its place.
         */
        post: operations["startApplicationDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/application-drafts/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /** One of the applicant's drafts */
        get: operations["getApplicationDraft"];
        /** Save the draft as it now stands (replaces what was saved) */
        put: operations["saveApplicationDraft"];
        post?: never;
        /** Discard a draft */
        delete: operations["discardApplicationDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/application-drafts/{applicationId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a finished draft
         * @description The draft must be complete; if not, the answer is 400 `ERR_APPLICATION_INCOMPLETE` naming each missing field, and the draft stays as it is.
         */
        post: operations["submitApplicationDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit trail's hash chains and signed checkpoints
         * @description Recomputes every event's hash and chain link and every checkpoint's digest and signature. A broken trail is still a 200: the answer names the first broken event (lowest id) and the first broken checkpoint.
         */
        get: operations["verifyAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/voucher": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        /**
         * The voucher of an application (its applicant, or an officer of vouchers)
         * @description The latest voucher of the application, in force or not. Its applicant reads their own; issuing officers,
         *     program managers and auditors read any. Anyone else, and an application without a voucher, gets 404.
         */
        get: operations["getApplicationVoucher"];
        put?: never;
        /**
         * Issue the entitlement voucher of an approved application
         * @description Signs a Verifiable Credential (VC Data Model 2.0, `DataIntegrityProof` with `eddsa-rdfc-2022`) for the
         *     application's applicant, for the amount the assessment set, valid for the program's `voucherValidityDays`
         *     from now, with its places in the revocation and suspension status lists. The application becomes
         *     `VOUCHER_ISSUED`.
         *
         *     An application has at most one voucher in force: a second issue, even at the same moment by another
         *     officer, is answered 409 `ERR_VOUCHER_ALREADY_ISSUED`. An application that is not `APPROVED` is
         *     answered 409 `ERR_APPLICATION_NOT_APPROVED`. Nobody issues a voucher for their own application (403).
         */
        post: operations["issueVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/issuance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the vouchers of several approved applications, each on its own
         * @description Issues each application's voucher as `issueVoucher` does, one after the other; one that cannot be issued
         *     does not stop the others. The answer has one result per application, in the order sent: `issued` with
         *     the voucher's id, or `refused` with the code and the reason.
         */
        post: operations["issueVouchers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/issuable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Approved applications that wait for their voucher, oldest approval first
         * @description Items carry no personal data of the applicant.
         */
        get: operations["listIssuableApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/{voucherId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        /** A voucher (its applicant, or an officer of vouchers) */
        get: operations["getVoucher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/{voucherId}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        /** The voucher's QR code as a PNG image (ECC level M) */
        get: operations["getVoucherQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/{voucherId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a voucher for good, with a reason
         * @description Sets the voucher's bit in its revocation status list and publishes the list again: every scanner that
         *     checks status refuses the voucher from then on. The application becomes `REVOKED`. Revoking a revoked
         *     voucher is answered 409 `ERR_VOUCHER_REVOKED_ALREADY`.
         */
        post: operations["revokeVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vouchers/{voucherId}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a voucher on hold, with a reason
         * @description Sets the voucher's bit in its suspension status list: scanners refuse it until it is reinstated. Only
         *     a voucher in force (`ACTIVE`) is suspended; otherwise 409.
         */
        post: operations["suspendVoucher"];
        /**
         * End a voucher's suspension
         * @description Clears the voucher's bit in its suspension list; only a `SUSPENDED` voucher is reinstated (otherwise 409).
         */
        delete: operations["reinstateVoucher"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every service provider with its linked users */
        get: operations["listProviders"];
        put?: never;
        /** Register a service provider (a facility that serves beneficiaries and is reimbursed) */
        post: operations["registerProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers/{providerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        /** A service provider (the program manager, claims officers and its own users) */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers/{providerId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a provider user to the facility
         * @description The user must exist in the identity provider, be enabled and hold the `service-provider` role
         *     (422 otherwise). A user redeems for one facility: one linked elsewhere is refused with 409
         *     `ERR_PROVIDER_USER_LINKED_ELSEWHERE`; one already linked here stays linked.
         */
        post: operations["linkProviderUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers/{providerId}/users/{subject}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
                /** @description The user's subject in the identity provider */
                subject: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user from the facility (they can no longer redeem for it) */
        delete: operations["unlinkProviderUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The redemptions of the caller's facility, newest first */
        get: operations["listRedemptions"];
        put?: never;
        /**
         * Redeem a voucher, in full or in part, for what the caller's facility provided
         * @description Draws `amount` from the voucher for the caller's facility. The voucher must be in force (not revoked,
         *     suspended or already redeemed in full: 422 with that check's code) and within its validity window, and
         *     the amounts redeemed never pass its value in total, however many requests arrive at once on however many
         *     instances (`ERR_REDEMPTION_OVER_REMAINING`, 422, with `remaining`). When nothing remains the voucher
         *     becomes `REDEEMED` and its revocation status list says so to every scanner. A caller whose account is not
         *     linked to a facility gets 403 `ERR_PROVIDER_NOT_LINKED`. With an `Idempotency-Key`, a retried request
         *     returns the first redemption (`Idempotent-Replayed: true`) and draws nothing more.
         */
        post: operations["redeemVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/redemptions/{redemptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                redemptionId: string;
            };
            cookie?: never;
        };
        /** A redemption's receipt (the users of its facility and the claims officers) */
        get: operations["getRedemption"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify what a scanner read from a voucher (its QR text or its credential)
         * @description Accepts the text of a voucher's QR code (`VC1-R…`; PixelPass `NCF…`, the base45 of a zlib-compressed credential
         *     in JSON or CBOR; or a credential as JSON text) or a credential as a JSON object, and answers 200 with every check by name: `format` (the text or credential is an entitlement voucher
         *     this service can read), `signature`, `issuer` (one of this service's keys, current or retired), `validity`
         *     (its window, with five minutes' tolerance for clocks) and `status` (one per status list: revoked, suspended,
         *     or redeemed in full). `verified` is true when every check passed. A text that is no voucher fails the `format`
         *     check with the reason (`ERR_QR_NOT_BASE45`, …); it is not an error of the request.
         *
         *     Anyone may call it. A caller who sends a token must send a valid one; with the `service-provider` or
         *     `claims-officer` role the answer also says what has been redeemed of the voucher and what remains.
         */
        post: operations["verifyScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reimbursement claims, newest first (a provider user sees their facility's, a claims officer all) */
        get: operations["listClaims"];
        put?: never;
        /**
         * Claim reimbursement for redemptions of the caller's facility, with an invoice
         * @description Every redemption named must be the caller's facility's (422 `ERR_CLAIM_FOREIGN_REDEMPTION`) and in no other
         *     claim (409 `ERR_REDEMPTION_ALREADY_CLAIMED`), all in one currency (422 `ERR_CLAIM_MIXED_CURRENCIES`); `total`
         *     must equal their sum (422 `ERR_CLAIM_TOTAL_MISMATCH`, with `expectedTotal`); the invoice is a document of kind
         *     `invoice` the caller uploaded (422 `ERR_CLAIM_INVOICE_MISSING`). Nothing changes on a refusal. The
         *     applications of the vouchers become `CLAIMED`.
         */
        post: operations["submitClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every claim as CSV (claims officers) */
        get: operations["exportClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/{claimId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        /**
         * A claim (the users of its facility and the claims officers)
         * @description A claims officer's read holds `signals`: redemption anomalies worth a look before deciding, computed from the
         *     redemptions as they are when read (many redemptions of one beneficiary, a facility whose redemptions always
         *     take a voucher's whole value, a facility outside the beneficiary's region). Signals inform, never decide. The
         *     facility's own users never get them.
         */
        get: operations["getClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/{claimId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject a submitted claim (a rejection with its reason)
         * @description Only a `SUBMITTED` claim is decided (409 `ERR_CLAIM_NOT_SUBMITTED` otherwise). A rejection needs a reason and
         *     lets the claim's redemptions go, so the facility can claim them again.
         */
        post: operations["decideClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/{claimId}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an approved claim paid, with the payment's reference
         * @description Only an `APPROVED` claim is paid (409 `ERR_CLAIM_NOT_APPROVED` otherwise); its applications become `REIMBURSED`.
         */
        post: operations["payClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a credential (W3C VC-API)
         * @description The W3C VC-API verify operation, open to anyone (rate-limited per address). Checks, in order: the
         *     credential's form, its signature (`eddsa-rdfc-2022`), that one of this program's keys (current or
         *     retired) issued it, its validity window, and each status entry (revocation, suspension). The answer is
         *     200 whether or not it verifies: `verified`, the `checks` that ran and passed, and an `errors` entry
         *     naming each failed check with its code. A body that is not a credential at all is 400.
         */
        post: operations["verifyCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credentials/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a credential with the program's issuer key (W3C VC-API)
         * @description The W3C VC-API issue operation, for the issuing role: signs the credential with a `DataIntegrityProof`
         *     (`eddsa-rdfc-2022`) under the current key, setting `issuer` to its `did:key`. Only contexts bundled with
         *     the service are accepted (nothing is fetched). Entitlement vouchers are issued for approved
         *     applications only (`issueVoucher`): a credential of type `EntitlementVoucher` is refused (422).
         */
        post: operations["issueCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status-lists/{listNumber}/{purpose}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed Bitstring Status List credential (public, cacheable)
         * @description Served at the root (outside `/api/v1`), at the URL vouchers name in `statusListCredential`. Public and
         *     cacheable for five minutes, with an `ETag` (`If-None-Match` is answered 304). A list no voucher names
         *     yet is published with every bit clear.
         */
        get: operations["getStatusList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/id-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ID your account is linked to, with its verified fields */
        get: operations["getMyVerifiedId"];
        put?: never;
        /**
         * Verify the QR code of your ID and link your account to its ID number
         * @description Takes the text of the QR code on the applicant's ID card (MOSIP Claim 169: base45 → zlib → COSE_Sign1, or a
         *     COSE_Encrypt0 the program holds the key of, over a CWT carrying claim 169). The checks, in order, each with its
         *     own code when it fails: the text is base45 (`ERR_ID_QR_NOT_BASE45`), it inflates (`ERR_ID_QR_DAMAGED`: cut short
         *     or altered), it is a COSE structure (`ERR_ID_QR_NOT_COSE`) carrying claim 169 (`ERR_ID_QR_NO_IDENTITY`), an
         *     encrypted code opens with the program's keys (`ERR_ID_QR_NOT_DECRYPTABLE`), its issuer is a trusted ID issuer
         *     (`ERR_ID_QR_ISSUER_UNTRUSTED`), now is inside its validity window (`ERR_ID_QR_EXPIRED`,
         *     `ERR_ID_QR_NOT_YET_VALID`), its signature holds under one of the issuer's keys, Ed25519 or ECDSA P-256
         *     (`ERR_ID_QR_SIGNATURE_INVALID`), and it holds an ID number (`ERR_ID_QR_INCOMPLETE`).
         *
         *     Then the account: when the token carries a `national_id`, the code's ID must be that one
         *     (`ERR_ID_QR_ID_MISMATCH`); an ID already linked to another account is refused (`ERR_ID_QR_ID_LINKED_ELSEWHERE`,
         *     and the attempt is recorded for the first-stage officer as a signal). Otherwise the account is linked to the
         *     ID, and the verified fields pre-fill the applicant's applications, which cannot change them. Nothing else is
         *     stored when a check fails. Verifying again replaces the fields with the newer ID's.
         *
         *     A W3C Verifiable Credential identity card is accepted too (type `IdentityCardCredential`, contexts credentials
         *     v2 and `https://w3id.org/iaod/identity/v1`, a Data Integrity `eddsa-rdfc-2022` proof by an Ed25519 `did:key`),
         *     as `VC1-R…` CBOR-LD, PixelPass or JSON text. It is verified by the vouchers' verification code and gives the
         *     same codes: not base45 or damaged, no identity card (`ERR_ID_QR_NO_IDENTITY`), its issuer trusted, now inside
         *     validFrom…validUntil, its proof by one of the issuer's EdDSA keys, no status list it cannot consult
         *     (`ERR_ID_QR_STATUS_UNCHECKABLE`), an ID number (`credentialSubject.idNumber`).
         */
        post: operations["verifyMyId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/id-issuers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The trusted ID issuers, from the settings and added by program managers */
        get: operations["listIdIssuers"];
        put?: never;
        /**
         * Trust an ID issuer with its keys
         * @description `issuer` is the `iss` of its codes, exactly. Each key is an Ed25519 public key (32 bytes) or an uncompressed
         *     P-256 point (65 bytes, `04…`), in hex (`ERR_ID_ISSUER_KEY_INVALID` otherwise). An issuer already trusted is
         *     409 `ERR_ID_ISSUER_EXISTS`.
         */
        post: operations["createIdIssuer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/id-issuers/{issuerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuerId: string;
            };
            cookie?: never;
        };
        /** A trusted ID issuer with its keys */
        get: operations["getIdIssuer"];
        /**
         * Change a trusted ID issuer's name or keys (add or remove keys)
         * @description The whole list of keys replaces the old one; `version` must be the one read (409 otherwise).
         */
        put: operations["updateIdIssuer"];
        post?: never;
        /**
         * Stop trusting an ID issuer
         * @description IDs verified before stay linked; new codes of this issuer are refused as untrusted.
         */
        delete: operations["deleteIdIssuer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/erasure-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's latest erasure request (applicant)
         * @description The newest erasure request the signed-in applicant made (by token subject), pending or completed; 404
         *     when they never asked.
         */
        get: operations["getOwnErasureRequest"];
        put?: never;
        /**
         * Ask for one's own personal data to be erased (applicant)
         * @description Queues a request for the program manager to erase the caller's personal data (found by the token's
         *     subject; never anyone else's). A second request while one is pending returns the pending one (200),
         *     not a new one. The optional reason is erased with the rest when the request is completed; the audit
         *     trail records the request by id only.
         */
        post: operations["requestErasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/erasure-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pending erasure requests, oldest first (program manager)
         * @description Ids, dates and the requester's user name, so the manager can delete the identity-provider account too.
         */
        get: operations["listErasureRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/erasure-requests/{erasureRequestId}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                erasureRequestId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a pending erasure request (program manager)
         * @description In one transaction, every personal field of the person (registry record, family members, history,
         *     applications' drafts and snapshots, proposals, free-text reasons, document file names, preferences,
         *     sessions, remembered responses, vouchers' credentials and redemptions' descriptions) is set to a fixed
         *     placeholder, NULL or a pseudonym; ids, statuses, amounts, dates and programs stay, so totals and the audit
         *     chain are unchanged. Then the documents' bytes are deleted from the Document Store (a file another
         *     person's document still uses is kept). A request that is not pending is 409
         *     `ERR_ERASURE_NOT_PENDING`; a person with a voucher still in force is 409 `ERR_ERASURE_VOUCHER_IN_FORCE`
         *     (revoke it first).
         */
        post: operations["completeErasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notification channels (defaults until saved)
         * @description Until saved, email is on and SMS is off.
         */
        get: operations["getMyNotificationPreferences"];
        /**
         * Choose the caller's notification channels
         * @description Both off means the service sends the caller no messages (the portals still show everything).
         */
        put: operations["putMyNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the notifications went, newest first (program manager)
         * @description One row per message, recipient and channel: its kind, the recipient's role, the channel, the state
         *     (`PENDING` while it is tried again, `SENT`, `FAILED` when the address was refused, `SKIPPED` with no
         *     address or transport), the attempts and the last error code. Never the text, the address or the person.
         */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: string;
            };
            cookie?: never;
        };
        /** The program's own wording of its notices (program manager) */
        get: operations["listProgramNotificationTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programs/{programId}/notification-templates/{kind}/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: string;
                kind: components["schemas"]["NoticeKind"];
                language: components["schemas"]["MessageLanguage"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Set the program's own wording of one notice in one language (program manager)
         * @description ICU messages (as the catalogs), using only the values the kind has: `{name}` (the recipient's own first
         *     name), `{reference}`, `{program}`, `{stage}`, `{reason}`, `{amount}`, `{remaining}`, `{claim}`, `{count}`,
         *     `{link}`, as listed for each kind in docs/notifications.md. Another value, or a message that does not
         *     compile, is 400 `ERR_NOTIFICATION_TEMPLATE_INVALID` naming the field.
         */
        put: operations["putProgramNotificationTemplate"];
        post?: never;
        /** Go back to the catalog's wording of one notice in one language (program manager) */
        delete: operations["deleteProgramNotificationTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/g2p/registry/sync/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search the registry at once (DCI sync search)
         * @description A DCI `SearchRequest` in the envelope `{signature, header, message}` (header `action: search`, `version: 1.0.0`).
         *     The caller is a partner system with a service-account token (OAuth2 client credentials) whose client holds
         *     the scope `g2p:registry:search` (a client role of `iaod-api`); the token's client must be a registered
         *     partner (`G2P_PARTNERS`) and `header.sender_id` its registered id. A partner with registered keys must sign:
         *     `signature` is a detached JWS (EdDSA, Ed25519) over the JCS form of `{header, message}`.
         *
         *     Queries: `idtype-value` (`NATIONAL_ID`/`UIN`, `PASSPORT`, `BIRTH_CERTIFICATE`/`BRN`, `REFUGEE_ID`, `OTHER`),
         *     `predicate` and `expression` over `sex`, `age` (eq, gt, ge, lt, le), `birth_date`, `region` and `name`
         *     (prefix of the given or family name), combined with `and`. Results come in the registry's order (family then
         *     given name), a page at a time (`page_size` up to 100, the first 1,000 matches; `total_count` counts up to
         *     1,000). Each record holds only the fields the partner's agreement allows.
         *
         *     The answer is a signed `on-search` message (header `status` `succ`, or `rjct` when every request of the
         *     batch was rejected; each request's own `status` and `status_reason_code`, e.g. `rjct.pagination.invalid`).
         *     A message refused whole is answered, also with HTTP 200, by a signed acknowledgement with `ack_status: ERR`
         *     and the DCI error code: `err.request.bad` (a field missing or malformed, an unknown `query_type`, an
         *     expired `message_ts`, a replayed `message_id`), `err.version.not_supported`, `err.sender_id.invalid`,
         *     `err.receiver_id.invalid`, `err.signature.missing`, `err.signature.invalid`, `err.encryption.invalid`,
         *     `err.request.forbidden` (the token's client is not a partner).
         */
        post: operations["dciSyncSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/g2p/registry/sync/txn/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The outcome of one of your earlier searches (DCI sync txn status)
         * @description A DCI `TxnStatusRequest` (header `action: txn-status`, `total_count: 1`, `txn_type: search`) naming one of the
         *     partner's own earlier transactions by `transaction_id`, `correlation_id` or `reference_id_list`; the scope is
         *     `g2p:registry:txn-status`. The signed `txn-on-status` answer gives each request's status and reason code
         *     (never the records); header `status: rjct` when no transaction of the partner matches. Refusals as for the
         *     search.
         */
        post: operations["dciSyncTxnStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/g2p/registry/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search the registry, answered later at your callback address (DCI async search)
         * @description The same message as the synchronous search, checked the same way at once: a message refused whole is answered
         *     by a signed acknowledgement with `ack_status: ERR`. A message taken is acknowledged (`ack_status: ACK`, with the
         *     `correlation_id` the answer will carry), and the signed `on-search` is POSTed later to `header.sender_uri`,
         *     which must be one of the partner's registered callback addresses (else `err.sender_uri.invalid`; absent, the
         *     first registered one). Answers to one callback address arrive in the order they were asked; a receiver that
         *     is down gets them once it is back (retries with back-off, for up to `G2P_DELIVERY_GIVE_UP_HOURS`). Until the
         *     answer is made, `txn/status` reports the transaction's requests as `pdng`. Scope `g2p:registry:search`.
         */
        post: operations["dciSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/g2p/registry/txn/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The outcome of one of your earlier searches, answered later at your callback address (DCI async txn status)
         * @description The synchronous status request's message, acknowledged at once (ACK or ERR, as for the asynchronous search);
         *     the signed `txn-on-status` follows at the callback address. Scope `g2p:registry:txn-status`.
         */
        post: operations["dciTxnStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys our DCI messages are signed with (JWK Set)
         * @description Ed25519 keys (`kty: OKP`, `alg: EdDSA`); a message's JWS names its key by `kid`. The current key signs;
         *     retired keys stay listed. Anyone may read it; cacheable for five minutes.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PersonDetails: {
            givenName: components["schemas"]["PersonName"];
            familyName: components["schemas"]["PersonName"];
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            occupation?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            paymentAccount?: components["schemas"]["PaymentAccount"];
            address: components["schemas"]["Address"];
        };
        /**
         * @description A decimal amount with at most two decimals, as a string (no binary floating point)
         * @example 1250.00
         */
        Money: string;
        /**
         * @description ISO 4217 currency code
         * @example KES
         */
        CurrencyCode: string;
        /** @description The version you read; if the resource has changed since, the answer is 409 and nothing changes */
        ReadVersion: number;
        PageMeta: {
            page: number;
            pageSize: number;
            /** @description Items matching the filters, over all pages */
            total: number;
        };
        /** @enum {string} */
        Role: "applicant" | "program-manager" | "reviewer" | "assessor" | "issuing-officer" | "service-provider" | "claims-officer" | "analyst" | "auditor";
        PortalSummary: {
            id: components["schemas"]["Role"];
            title: string;
            description: string;
            /** @description Path of the portal's pages */
            href: string;
        };
        Portal: {
            id: components["schemas"]["Role"];
            title: string;
            description: string;
            /** @description Path of the portal's pages */
            href: string;
            /** @description The roles that may open this portal */
            roles: components["schemas"]["Role"][];
        };
        CurrentUser: {
            /** @description The identity provider's stable user id */
            subject: string;
            username: string;
            displayName: string;
            email?: string;
            roles: components["schemas"]["Role"][];
            portals: components["schemas"]["PortalSummary"][];
        };
        /**
         * @description Language of pages and messages (BCP 47 primary tag)
         * @enum {string}
         */
        Language: "en" | "fr" | "es" | "pt" | "ar" | "sw";
        /**
         * @description How the service contacts the user about their cases
         * @enum {string}
         */
        ContactChannel: "email" | "sms" | "none";
        PreferencesInput: {
            language: components["schemas"]["Language"];
            contactChannel: components["schemas"]["ContactChannel"];
        };
        Preferences: {
            language: components["schemas"]["Language"];
            contactChannel: components["schemas"]["ContactChannel"];
            /**
             * Format: date-time
             * @description When the preferences were last saved; null while they are the defaults
             */
            updatedAt: string | null;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not-ready";
            checks: {
                /** @enum {string} */
                database: "up" | "down";
                /** @enum {string} */
                migrations: "done" | "pending" | "unknown";
            };
            /**
             * @description The outbox backlog, reported but never a reason to be not ready. Absent when the database does
             *     not answer.
             */
            outbox?: {
                /** @description Events not yet published to every consumer */
                unpublished: number;
                /** @description Age of the oldest of them in seconds; 0 when there is none */
                oldestAgeSeconds: number;
            };
        };
        FieldError: {
            /** @description Where the problem is, e.g. /body/language */
            path: string;
            message: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            /**
             * Format: uri-reference
             * @description Stable problem type; documented at that address
             */
            type: string;
            /** @description Names what went wrong; the same for every problem with this code */
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /**
             * @description Stable machine-readable code
             * @example ERR_VALIDATION
             */
            code: string;
            errors?: components["schemas"]["FieldError"][];
            requestId?: string;
        };
        /**
         * @description Applicants see and apply to open programs only
         * @enum {string}
         */
        ProgramState: "open" | "closed";
        /** @example EMERG-SURG */
        ProgramCode: string;
        /**
         * @description How the program's approved applications get their vouchers: `manual`, an issuing officer issues them;
         *     `on-approval`, the voucher is issued automatically (by the actor `system:auto-issue`) shortly after the
         *     last stage approves the application.
         * @enum {string}
         */
        VoucherIssuance: "manual" | "on-approval";
        /**
         * @description An IANA time zone name: pages show the program's dates and times in it. A name the service's time zone database does not know is refused with 400 (`ERR_TIME_ZONE_UNKNOWN`).
         * @example Africa/Nairobi
         */
        TimeZone: string;
        /** @example surgery */
        LabelCode: string;
        CodedLabel: {
            code: components["schemas"]["LabelCode"];
            label: string;
        };
        /**
         * @description A review stage approves or rejects; an assessment stage also sets the benefit amount
         * @enum {string}
         */
        StageKind: "review" | "assessment";
        /** @description The designated officer of a stage: one user, known by subject, or a group of users, known by code */
        Officer: {
            /** @enum {string} */
            type: "user" | "group";
            /** @description The user's subject (`sub` of their tokens), or the group's code */
            ref: string;
            /** @description The user's name as the identity provider gave it when they were last designated, or the group's name */
            displayName: string;
            /** @description A user's user name when they were last designated; absent when the identity provider did not know them */
            username?: string;
        };
        /**
         * @description The stage's eligibility checklist: yes/no criteria its officer answers with each decision (codes unique
         *     within the stage). Applications keep the checklist of their stage list as submitted.
         */
        Checklist: components["schemas"]["CodedLabel"][];
        Stage: {
            /** Format: uuid */
            id: string;
            position: number;
            name: string;
            kind: components["schemas"]["StageKind"];
            officer: components["schemas"]["Officer"];
            checklist: components["schemas"]["Checklist"];
        };
        Program: {
            /** Format: uuid */
            id: string;
            code: components["schemas"]["ProgramCode"];
            name: string;
            description: string;
            currency: components["schemas"]["CurrencyCode"];
            maxAmount: components["schemas"]["Money"];
            voucherValidityDays: number;
            voucherIssuance: components["schemas"]["VoucherIssuance"];
            timeZone: components["schemas"]["TimeZone"];
            state: components["schemas"]["ProgramState"];
            treatmentTypes: components["schemas"]["CodedLabel"][];
            reasonCodes: components["schemas"]["CodedLabel"][];
            stages: components["schemas"]["Stage"][];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProgramPage: components["schemas"]["PageMeta"] & {
            items: components["schemas"]["Program"][];
        };
        CodedLabelList: components["schemas"]["CodedLabel"][];
        /**
         * @description Who decides a stage: one user, named by user name (or by subject), or a group of users, named by its
         *     code. A user must exist in the identity provider and hold the `reviewer` or `assessor` role; the stage
         *     stores their subject, so a later change of user name changes nothing.
         */
        OfficerInput: {
            /** @enum {string} */
            type: "user" | "group";
            /** @description A user name or subject, or a group code */
            ref: string;
        };
        NewStage: {
            name: string;
            kind: components["schemas"]["StageKind"];
            officer: components["schemas"]["OfficerInput"];
            checklist?: components["schemas"]["Checklist"];
        };
        ProgramInput: {
            code: components["schemas"]["ProgramCode"];
            name: string;
            description?: string;
            currency: components["schemas"]["CurrencyCode"];
            maxAmount: components["schemas"]["Money"];
            voucherValidityDays: number;
            /** @description `manual` when left out. */
            voucherIssuance?: components["schemas"]["VoucherIssuance"];
            /** @description Where the program runs; UTC when left out. */
            timeZone?: components["schemas"]["TimeZone"];
            treatmentTypes: components["schemas"]["CodedLabelList"];
            reasonCodes: components["schemas"]["CodedLabelList"];
            stages?: components["schemas"]["NewStage"][];
        };
        ProgramPatch: {
            version: components["schemas"]["ReadVersion"];
            name?: string;
            description?: string;
            currency?: components["schemas"]["CurrencyCode"];
            maxAmount?: components["schemas"]["Money"];
            voucherValidityDays?: number;
            voucherIssuance?: components["schemas"]["VoucherIssuance"];
            timeZone?: components["schemas"]["TimeZone"];
            state?: components["schemas"]["ProgramState"];
            treatmentTypes?: components["schemas"]["CodedLabelList"];
            reasonCodes?: components["schemas"]["CodedLabelList"];
        };
        StageInput: {
            version: components["schemas"]["ReadVersion"];
            name: string;
            kind: components["schemas"]["StageKind"];
            officer: components["schemas"]["OfficerInput"];
            checklist?: components["schemas"]["Checklist"];
            /** @description Where to insert it (1 = first); default: last */
            position?: number;
        };
        StagePatch: {
            version: components["schemas"]["ReadVersion"];
            name?: string;
            kind?: components["schemas"]["StageKind"];
            officer?: components["schemas"]["OfficerInput"];
            checklist?: components["schemas"]["Checklist"];
            position?: number;
        };
        /**
         * @description A field printed on the voucher besides the QR code and the voucher reference, which are always printed
         * @enum {string}
         */
        VoucherField: "name" | "program" | "amount" | "validity";
        /**
         * @description The language the voucher's own words (labels, dates) are printed in
         * @enum {string}
         */
        VoucherLanguage: "en" | "fr" | "ar";
        VoucherLogo: {
            /**
             * @description Read from the image's bytes
             * @enum {string}
             */
            mediaType: "image/png" | "image/jpeg";
            sizeBytes: number;
        };
        VoucherTemplate: {
            title: string;
            instructions: {
                beneficiary: string;
                provider: string;
            };
            printedFields: components["schemas"]["VoucherField"][];
            language: components["schemas"]["VoucherLanguage"];
            logo: components["schemas"]["VoucherLogo"] | null;
        };
        VoucherInstructions: {
            /** @description What the beneficiary should do with the voucher */
            beneficiary?: string;
            /** @description What the provider who serves it should do */
            provider?: string;
        };
        VoucherTemplateInput: {
            /** @description Printed at the top; the program's name when left out */
            title?: string;
            instructions?: components["schemas"]["VoucherInstructions"];
            printedFields: components["schemas"]["VoucherField"][];
            language: components["schemas"]["VoucherLanguage"];
        };
        VoucherLogoUpload: {
            /**
             * Format: binary
             * @description A PNG or JPEG image of at most 204800 bytes
             */
            file: string;
        };
        /** @example junior-officers */
        GroupCode: string;
        OfficerGroupMember: {
            /** @description The `sub` of their tokens */
            subject: string;
            /** @description Their name when they were last added; their subject if the identity provider did not know them */
            displayName: string;
            /** @description Their user name when they were last added */
            username?: string;
        };
        OfficerGroup: {
            code: components["schemas"]["GroupCode"];
            name: string;
            members: components["schemas"]["OfficerGroupMember"][];
            version: number;
        };
        OfficerGroupInput: {
            /**
             * @description The version of the group you read. Leave it out (or send 0) to create the group: if a group with
             *     this code exists, the answer is 409. To change a group, send its version: if someone changed it
             *     since, the answer is 409 and nothing changes.
             */
            version?: number;
            name: string;
            /** @description User names (or subjects); each must exist and hold the `reviewer` or `assessor` role */
            members: string[];
        };
        /** @enum {string} */
        IdType: "NATIONAL_ID" | "PASSPORT" | "BIRTH_CERTIFICATE" | "REFUGEE_ID" | "OTHER";
        /** @example NID-1001 */
        IdValue: string;
        /** @enum {string} */
        Gender: "female" | "male" | "other" | "undisclosed";
        /**
         * @description `bank`: an account at a bank (its number, or IBAN); `mobile-money`: a mobile money wallet (its phone number).
         * @enum {string}
         */
        PaymentAccountKind: "bank" | "mobile-money";
        /**
         * @description Where the person can be paid: a bank account or a mobile money wallet, and the provider that holds it
         *     (G2P Connect's financial address `account@provider`, in parts). A bank account number has 4 to 34
         *     letters and digits, a mobile money number 6 to 15 digits; spaces and dashes between them are kept as
         *     typed, and a number that does not fit its kind is refused with `ERR_PAYMENT_ACCOUNT_INVALID`.
         *     Personal data: never in logs, audit details or events.
         */
        PaymentAccount: {
            kind: components["schemas"]["PaymentAccountKind"];
            /** @example +254 700 000001 */
            number: string;
            /**
             * @description The bank or mobile money service, as the person names it
             * @example M-Pesa
             */
            provider: string;
        };
        Address: {
            region: string;
            district?: string;
            locality?: string;
            /** @description Street, house, landmark */
            line?: string;
        };
        /**
         * @description How a family member is related to the registrant
         * @enum {string}
         */
        Relation: "spouse" | "child" | "parent" | "sibling" | "other";
        FamilyMember: {
            /** Format: uuid */
            id: string;
            relation: components["schemas"]["Relation"];
            givenName: string;
            familyName: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            age: number;
            occupation?: string;
        };
        /**
         * @description A registrant's field as the change history names it; `family_members` is the family as a whole
         * @enum {string}
         */
        RegistryField: "given_name" | "family_name" | "gender" | "birth_date" | "occupation" | "phone" | "email" | "payment_account_kind" | "payment_account_number" | "payment_account_provider" | "region" | "district" | "locality" | "address_line" | "family_members";
        Registrant: {
            /** Format: uuid */
            id: string;
            idType: components["schemas"]["IdType"];
            idValue: components["schemas"]["IdValue"];
            givenName: string;
            familyName: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            /** @description Whole years today, derived from the birth date */
            age: number;
            occupation?: string;
            phone?: string;
            email?: string;
            paymentAccount?: components["schemas"]["PaymentAccount"];
            address: components["schemas"]["Address"];
            familyMembers: components["schemas"]["FamilyMember"][];
            /**
             * @description The fields an officer last set or confirmed (enrolment, a correction, an accepted proposal). An
             *     application never overwrites them: a different value is kept with the application as a proposed
             *     change for its first-stage officer. The other fields are the applicant's and follow their
             *     applications.
             */
            verifiedFields: components["schemas"]["RegistryField"][];
            /**
             * Format: uuid
             * @description Set once a first-stage officer merged this registrant into another as the same person: the
             *     registrant that stays. A merged registrant keeps its history; searches leave it out, and its ID
             *     leads to the one it was merged into.
             */
            mergedInto?: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RegistrantPage: components["schemas"]["PageMeta"] & {
            items: components["schemas"]["Registrant"][];
            /** @description False when more than `total` (1,000) registrants match; they are not all counted */
            totalIsExact: boolean;
            /**
             * Format: uuid
             * @description Pass as `after` for the next page; absent on the last page
             */
            nextAfter?: string;
        };
        PersonName: string;
        /** @example +254 700 000001 */
        Phone: string;
        /** Format: email */
        Email: string;
        FamilyMemberInput: {
            relation: components["schemas"]["Relation"];
            givenName: components["schemas"]["PersonName"];
            familyName: components["schemas"]["PersonName"];
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            occupation?: string;
        };
        FamilyMemberInputList: components["schemas"]["FamilyMemberInput"][];
        RegistrantInput: {
            idType: components["schemas"]["IdType"];
            idValue: components["schemas"]["IdValue"];
            givenName: components["schemas"]["PersonName"];
            familyName: components["schemas"]["PersonName"];
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            occupation?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            paymentAccount?: components["schemas"]["PaymentAccount"];
            address: components["schemas"]["Address"];
            familyMembers?: components["schemas"]["FamilyMemberInputList"];
        };
        RegistrantPatch: {
            version: components["schemas"]["ReadVersion"];
            givenName?: components["schemas"]["PersonName"];
            familyName?: components["schemas"]["PersonName"];
            gender?: components["schemas"]["Gender"];
            /** Format: date */
            birthDate?: string;
            occupation?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            paymentAccount?: components["schemas"]["PaymentAccount"];
            address?: components["schemas"]["Address"];
            familyMembers?: components["schemas"]["FamilyMemberInputList"];
        };
        RegistrantChange: {
            /** Format: date-time */
            changedAt: string;
            /** @description Username of who made the change */
            changedBy: string;
            /** @description For each changed field, its value before and after */
            changes: {
                [key: string]: {
                    from?: unknown;
                    to?: unknown;
                };
            };
        };
        /** @enum {string} */
        MatchedOn: "id" | "name" | "phonetic-name" | "birth-date" | "near-birth-date" | "region";
        /** @enum {string} */
        PersonKind: "registrant" | "family-member";
        RegistryPerson: {
            kind: components["schemas"]["PersonKind"];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The registrant themself, or whose family the member is in
             */
            registrantId: string;
            givenName: string;
            familyName: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            /** @description The registrant's region (a family member's is their registrant's) */
            region: string;
            idType?: components["schemas"]["IdType"];
            idValue?: string;
            relation?: components["schemas"]["Relation"];
        };
        DuplicateMatch: {
            /** @enum {string} */
            kind: "exact" | "probable";
            score: number;
            /** @description Trigram similarity of the full names */
            nameSimilarity: number;
            matchedOn: components["schemas"]["MatchedOn"][];
            record: components["schemas"]["RegistryPerson"];
            match: components["schemas"]["RegistryPerson"];
        };
        RegistrantDuplicateList: {
            /** Format: uuid */
            registrantId: string;
            /** Format: date-time */
            computedAt: string;
            items: components["schemas"]["DuplicateMatch"][];
        };
        /**
         * @description What the document is
         * @enum {string}
         */
        DocumentKind: "medical-report" | "prescription" | "id-proof" | "other" | "invoice";
        DocumentUpload: {
            /**
             * Format: binary
             * @description The file (PDF, JPEG or PNG, judged by its bytes)
             */
            file: string;
            kind: components["schemas"]["DocumentKind"];
        };
        Document: {
            /** Format: uuid */
            id: string;
            /** @description The uploaded file's name, sanitized; a label only */
            fileName: string;
            /**
             * @description The type read from the content at upload
             * @enum {string}
             */
            mediaType: "application/pdf" | "image/jpeg" | "image/png";
            sizeBytes: number;
            /** @description SHA-256 of the content, lowercase hex; the content's address and its ETag */
            sha256: string;
            kind: components["schemas"]["DocumentKind"];
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        ApplicationStatus: "SUBMITTED" | "IN_REVIEW" | "ASSESSED" | "APPROVED" | "REJECTED" | "VOUCHER_ISSUED" | "REDEEMED" | "CLAIMED" | "REIMBURSED" | "REVOKED" | "EXPIRED";
        SubmittedApplicant: {
            idType: components["schemas"]["IdType"];
            idValue: components["schemas"]["IdValue"];
            givenName: string;
            familyName: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            /** @description Age on the day of submission */
            age: number;
            /** @description The fields the applicant's verified ID QR vouched for (shown to officers as verified by ID; `address` is its line) */
            verifiedById?: ("givenName" | "familyName" | "birthDate" | "gender" | "address")[];
            occupation?: string;
            phone?: string;
            email?: string;
            /** @description Where the applicant asked to be paid, as they gave it */
            paymentAccount?: {
                kind: components["schemas"]["PaymentAccountKind"];
                number: string;
                provider: string;
            };
            address: components["schemas"]["Address"];
        };
        SubmittedFamilyMember: {
            relation: components["schemas"]["Relation"];
            givenName: string;
            familyName: string;
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            age: number;
            occupation?: string;
        };
        AttachedDocument: {
            /** Format: uuid */
            documentId: string;
            kind: components["schemas"]["DocumentKind"];
            fileName: string;
            mediaType: string;
            sizeBytes: number;
        };
        TimelineEntry: {
            position: number;
            name: string;
            kind: components["schemas"]["StageKind"];
            /**
             * @description waiting for earlier stages, being decided now, or decided
             * @enum {string}
             */
            state: "waiting" | "current" | "approved" | "rejected";
            /**
             * Format: date-time
             * @description When the stage was decided
             */
            decidedAt?: string;
            /**
             * @description The decision in plain words (without the officer's name), once the stage is decided
             * @example Approved: Meets the eligibility criteria
             */
            outcome?: string;
            /**
             * @description The program's label of the decision's reason, once the stage is decided (the outcome says it too)
             * @example Meets the eligibility criteria
             */
            reason?: string;
        };
        /** @description A field's value; null when empty; for `family_members`, the list of members */
        RegistryValue: string | null | components["schemas"]["FamilyMemberInput"][];
        /**
         * @description A value the applicant sent for a registry field an officer had verified, kept with the application
         *     instead of being written to the registry. Values are personal data: they are never in events.
         */
        RegistryProposal: {
            field: components["schemas"]["RegistryField"];
            /** @description What the applicant sent */
            proposedValue: components["schemas"]["RegistryValue"];
            /** @description The officer-verified value in the registry when the application was submitted */
            registryValue: components["schemas"]["RegistryValue"];
            /**
             * @description Absent until the first-stage officer decides
             * @enum {string}
             */
            decision?: "accept" | "keep";
            /** @description User name of the officer who decided */
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
        };
        Application: {
            /** Format: uuid */
            id: string;
            /**
             * @description Short reference to quote, e.g. on the phone
             * @example IA-7KQ-M3XD
             */
            reference: string;
            /** Format: uuid */
            programId: string;
            programCode: string;
            programName: string;
            status: components["schemas"]["ApplicationStatus"];
            treatment: {
                type: string;
                typeLabel: string;
                description: string;
                estimatedCost: components["schemas"]["Money"];
                currency: components["schemas"]["CurrencyCode"];
                facility?: string;
            };
            applicant: components["schemas"]["SubmittedApplicant"];
            familyMembers: components["schemas"]["SubmittedFamilyMember"][];
            documents: components["schemas"]["AttachedDocument"][];
            timeline: components["schemas"]["TimelineEntry"][];
            /** Format: date-time */
            submittedAt: string;
            /** @description The benefit the assessment stage set, in the treatment's currency; absent until then */
            assessedAmount?: components["schemas"]["Money"];
            /** @description Only for the first-stage officer and auditors; see `listRegistryProposals` */
            registryProposals?: components["schemas"]["RegistryProposal"][];
        };
        ApplicationPage: components["schemas"]["PageMeta"] & {
            items: components["schemas"]["Application"][];
        };
        TreatmentInput: {
            /** @description One of the program's treatment type codes */
            type: components["schemas"]["LabelCode"];
            description: string;
            estimatedCost: components["schemas"]["Money"];
            currency: components["schemas"]["CurrencyCode"];
            /** @description The hospital or clinic, if known */
            facility?: string;
        };
        /** @description The person applying. The ID is taken from the signed-in account; if sent, it must match. */
        ApplicantInput: {
            idType?: components["schemas"]["IdType"];
            idValue?: components["schemas"]["IdValue"];
            givenName: components["schemas"]["PersonName"];
            familyName: components["schemas"]["PersonName"];
            gender: components["schemas"]["Gender"];
            /** Format: date */
            birthDate: string;
            occupation?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            paymentAccount?: components["schemas"]["PaymentAccount"];
            address: components["schemas"]["Address"];
        };
        AttachedDocumentInput: {
            /** Format: uuid */
            documentId: string;
            kind: components["schemas"]["DocumentKind"];
        };
        ApplicationInput: {
            /** Format: uuid */
            programId: string;
            treatment: components["schemas"]["TreatmentInput"];
            applicant: components["schemas"]["ApplicantInput"];
            familyMembers?: components["schemas"]["FamilyMemberInputList"];
            documents?: components["schemas"]["AttachedDocumentInput"][];
        };
        RegistryProposalDecisionInput: {
            /**
             * @description `accept`: the registry takes the proposed value; `keep`: the registry stays as it is
             * @enum {string}
             */
            decision: "accept" | "keep";
        };
        /** @enum {string} */
        StageDecisionKind: "approve" | "reject";
        /**
         * @description The answer to each item of the stage's eligibility checklist, by item code: `true` (yes) or `false` (no).
         *     Every item is answered, and only the stage's items; approving with a "no" needs a `reasonText`.
         */
        ChecklistAnswers: {
            [key: string]: boolean;
        };
        StageDecisionInput: {
            decision: components["schemas"]["StageDecisionKind"];
            /** @description One of the program's reason codes */
            reasonCode: components["schemas"]["LabelCode"];
            /** @description Why, in words; required for a rejection */
            reasonText?: string;
            /** @description The benefit, in the program's currency; required to approve an assessment stage, refused elsewhere */
            amount?: components["schemas"]["Money"];
            /** @description Why the amount may exceed the estimated cost; never allows more than the program's maximum */
            overrideReason?: string;
            checklist?: components["schemas"]["ChecklistAnswers"];
        };
        ApprovalState: {
            status: components["schemas"]["ApplicationStatus"];
            /** @description The stage being decided now; null once the approval has ended */
            currentStage: number | null;
            assessedAmount?: components["schemas"]["Money"];
        };
        StageDecision: {
            /** Format: uuid */
            applicationId: string;
            position: number;
            stageName: string;
            stageKind: components["schemas"]["StageKind"];
            decision: components["schemas"]["StageDecisionKind"];
            reasonCode: string;
            reasonText?: string;
            amount?: components["schemas"]["Money"];
            currency?: components["schemas"]["CurrencyCode"];
            overrideReason?: string;
            checklist: components["schemas"]["ChecklistAnswers"];
            decidedBy: {
                subject: string;
                displayName: string;
            };
            /** Format: date-time */
            decidedAt: string;
            currentState: components["schemas"]["ApprovalState"];
        };
        /** @description A problem document with where the application stands now */
        StageConflict: components["schemas"]["Problem"] & {
            currentState: components["schemas"]["ApprovalState"];
        };
        DocumentVerificationInput: {
            /** @enum {string} */
            verdict: "verified" | "rejected";
            /** @description Why the document is rejected; required for a rejection */
            reason?: string;
        };
        DocumentVerification: {
            /** Format: uuid */
            documentId: string;
            /** @enum {string} */
            verdict: "verified" | "rejected";
            reason?: string;
            /** @description The stage the verdict was given at */
            position: number;
            recordedBy: {
                subject: string;
                displayName: string;
            };
            /** Format: date-time */
            recordedAt: string;
        };
        ReassignmentInput: {
            officer: components["schemas"]["OfficerInput"];
            /**
             * Format: uuid
             * @description Only this application; otherwise all waiting at the stage
             */
            applicationId?: string;
        };
        Reassignment: {
            /** Format: uuid */
            programId: string;
            position: number;
            /** @description The officer as the stage now stores it (a user by subject, or a group by code) */
            officer: {
                /** @enum {string} */
                type: "user" | "group";
                ref: string;
            };
            /** @description The applications reassigned */
            applicationIds: string[];
        };
        PipelineStage: {
            position: number;
            name: string;
            kind: components["schemas"]["StageKind"];
            /** @description False for a position only applications submitted with an older stage list still wait at */
            inStageList: boolean;
            /** @description The stage's designated officer in the program's stage list (absent when not in it) */
            officer?: components["schemas"]["Officer"];
            waiting: number;
            /**
             * Format: date-time
             * @description When the longest-waiting application arrived at this stage; absent when none waits
             */
            oldestWaitingSince?: string;
            /**
             * Format: date-time
             * @description The earliest submission among the applications waiting here; absent when none waits
             */
            oldestSubmittedAt?: string;
        };
        ProgramPipeline: {
            /** Format: uuid */
            programId: string;
            /** @description How many wait at any stage */
            waiting: number;
            stages: components["schemas"]["PipelineStage"][];
            /** @description How many of the program's applications ended approved, and rejected */
            finished: {
                approved: number;
                rejected: number;
            };
        };
        WorkQueueItem: {
            /** Format: uuid */
            applicationId: string;
            reference: string;
            /** Format: uuid */
            programId: string;
            programName: string;
            status: components["schemas"]["ApplicationStatus"];
            stage: {
                position: number;
                name: string;
                kind: components["schemas"]["StageKind"];
            };
            treatmentType: string;
            estimatedCost: components["schemas"]["Money"];
            currency: components["schemas"]["CurrencyCode"];
            /** Format: date-time */
            submittedAt: string;
            /**
             * Format: date-time
             * @description When the application arrived at its current stage
             */
            waitingSince: string;
        };
        WorkQueueStageCount: {
            /** Format: uuid */
            programId: string;
            position: number;
            name: string;
            waiting: number;
        };
        WorkQueuePage: components["schemas"]["PageMeta"] & {
            items: components["schemas"]["WorkQueueItem"][];
            /** @description How many of the caller's waiting applications (with the same filters) wait at each stage */
            stageCounts: components["schemas"]["WorkQueueStageCount"][];
        };
        /** @description The kind, and for a signal about another application or registrant, its id */
        SignalKey: string;
        /** @enum {string} */
        SignalKind: "same-person" | "same-household" | "shared-document" | "shared-phone" | "shared-payment-account" | "cost-outlier" | "id-linked-elsewhere";
        /** @description What was found; ids, codes and figures only */
        SignalEvidence: {
            /** @description What matched (same person or household) */
            matchedOn?: ("registrant" | "name-birth-date-region" | "family-member-is-applicant" | "applicant-is-family-member")[];
            /** @description This application's documents whose bytes (SHA-256) are attached to the other application */
            documents?: {
                /** Format: uuid */
                documentId: string;
                kind: string;
            }[];
            /**
             * Format: uuid
             * @description The other registrant with the same phone number or payment account
             */
            registrantId?: string;
            /**
             * @description How many other registrants hold the same phone number or payment account (one signal each, the
             *     first 20 listed)
             */
            registrantCount?: number;
            cost?: {
                estimatedCost: components["schemas"]["Money"];
                median: components["schemas"]["Money"];
                mad: components["schemas"]["Money"];
                /** @description |cost − median| / (1.4826 · MAD) */
                score: number;
                sampleSize: number;
            };
            /**
             * @description When the applicant's account tried to link, by its ID's QR code, an ID already linked to another
             *     account, and was refused; newest first, the latest 20
             */
            linkAttempts?: string[];
        };
        RelatedApplication: {
            /** Format: uuid */
            applicationId: string;
            reference: string;
            status: components["schemas"]["ApplicationStatus"];
            /** Format: date-time */
            submittedAt: string;
            /** @description The other application in this API; its officers (or an auditor) may open it, others get 404 */
            link: string;
        };
        SignalReview: {
            signalKey: components["schemas"]["SignalKey"];
            note: string;
            reviewedBy: {
                subject: string;
                displayName: string;
            };
            /** Format: date-time */
            reviewedAt: string;
        };
        Signal: {
            key: components["schemas"]["SignalKey"];
            kind: components["schemas"]["SignalKind"];
            evidence: components["schemas"]["SignalEvidence"];
            related?: components["schemas"]["RelatedApplication"];
            review?: components["schemas"]["SignalReview"];
        };
        SignalList: {
            /** Format: uuid */
            applicationId: string;
            reference: string;
            /** Format: date-time */
            computedAt: string;
            signals: components["schemas"]["Signal"][];
        };
        SignalReviewInput: {
            note: string;
        };
        PersonRef: {
            kind: components["schemas"]["PersonKind"];
            /** Format: uuid */
            id: string;
        };
        /** @enum {string} */
        DuplicateResolutionKind: "merge" | "link-household" | "dismiss";
        DuplicateResolution: {
            /** Format: uuid */
            applicationId: string;
            record: components["schemas"]["PersonRef"];
            match: components["schemas"]["PersonRef"];
            resolution: components["schemas"]["DuplicateResolutionKind"];
            reason?: string;
            /** @enum {string} */
            kind: "exact" | "probable";
            score: number;
            matchedOn: components["schemas"]["MatchedOn"][];
            resolvedBy: {
                subject: string;
                displayName: string;
            };
            /** Format: date-time */
            resolvedAt: string;
        };
        DuplicateCandidateList: {
            /** Format: uuid */
            applicationId: string;
            /** Format: date-time */
            computedAt: string;
            candidates: components["schemas"]["DuplicateMatch"][];
            resolutions: components["schemas"]["DuplicateResolution"][];
        };
        DuplicateResolutionInput: {
            recordKind: components["schemas"]["PersonKind"];
            /**
             * Format: uuid
             * @description The candidate's `record`: this application's person
             */
            recordId: string;
            matchKind: components["schemas"]["PersonKind"];
            /**
             * Format: uuid
             * @description The candidate's `match`: the other person
             */
            matchId: string;
            resolution: components["schemas"]["DuplicateResolutionKind"];
            /** @description Why; required to dismiss */
            reason?: string;
        };
        /** @description Like ApplicationInput, but anything except the program may be missing or unfinished. */
        ApplicationDraftInput: {
            /** Format: uuid */
            programId: string;
            treatment?: {
                type?: string;
                description?: string;
                estimatedCost?: string;
                currency?: string;
                facility?: string;
            };
            applicant?: {
                givenName?: string;
                familyName?: string;
                gender?: string;
                birthDate?: string;
                occupation?: string;
                phone?: string;
                email?: string;
                paymentAccount?: {
                    kind?: string;
                    number?: string;
                    provider?: string;
                };
                address?: {
                    region?: string;
                    district?: string;
                    locality?: string;
                    line?: string;
                };
            };
            familyMembers?: {
                relation?: string;
                givenName?: string;
                familyName?: string;
                gender?: string;
                birthDate?: string;
                occupation?: string;
            }[];
            documents?: components["schemas"]["AttachedDocumentInput"][];
        };
        ApplicationDraft: {
            /** Format: uuid */
            id: string;
            /** @example IA-7KQ-M3XD */
            reference: string;
            /** Format: uuid */
            programId: string;
            /** @enum {string} */
            status: "DRAFT";
            data: components["schemas"]["ApplicationDraftInput"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ApplicationDraftPage: components["schemas"]["PageMeta"] & {
            items: components["schemas"]["ApplicationDraft"][];
        };
        AuditVerification: {
            /** @description True when every event and checkpoint checks out */
            verified: boolean;
            eventsChecked: number;
            /** @description One chain per aggregate (an application, a program, a reader) */
            chainsChecked: number;
            checkpointsChecked: number;
            /**
             * Format: date-time
             * @description Events after it are covered by their chains only, until the next checkpoint
             */
            lastCheckpointAt: string | null;
            firstBrokenEvent: null | {
                /** @description The event's id */
                id: string;
                chainKey: string;
                seq: number;
                /**
                 * @description content-altered: the event's content no longer matches its hash; link-broken: it does not point at the event before it; event-missing-before: an event before it in its chain was removed
                 * @enum {string}
                 */
                reason: "content-altered" | "link-broken" | "event-missing-before";
            };
            brokenEvents: number;
            firstBrokenCheckpoint: null | {
                seq: number;
                /** @enum {string} */
                reason: "signature-invalid" | "events-differ" | "sequence-gap";
                firstEventId: string | null;
                lastEventId: string | null;
            };
        };
        /** @enum {string} */
        VoucherStatus: "ACTIVE" | "SUSPENDED" | "REVOKED" | "REDEEMED";
        Voucher: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            applicationId: string;
            applicationReference: string;
            /** Format: uuid */
            programId: string;
            programName: string;
            status: components["schemas"]["VoucherStatus"];
            /** @description Why it was revoked or suspended */
            statusReason?: string;
            amount: components["schemas"]["Money"];
            currency: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
            /** @description The issuer's did:key */
            issuer: string;
            /** Format: date-time */
            issuedAt: string;
            /** @description The signed Verifiable Credential (JSON-LD) */
            credential: {
                [key: string]: unknown;
            };
            /** @description The credential as W3C VC Barcodes text (`VC1-R…`): what the QR code holds */
            qrText: string;
        };
        VoucherIssuanceInput: {
            applicationIds: string[];
        };
        VoucherIssuanceResult: {
            results: {
                /** Format: uuid */
                applicationId: string;
                /** @enum {string} */
                outcome: "issued" | "refused";
                /** Format: uuid */
                voucherId?: string;
                code?: string;
                detail?: string;
            }[];
        };
        IssuablePage: {
            page: number;
            pageSize: number;
            total: number;
            items: {
                /** Format: uuid */
                applicationId: string;
                reference: string;
                /** Format: uuid */
                programId: string;
                programName: string;
                treatmentType?: string;
                amount: components["schemas"]["Money"];
                currency: string;
                /** Format: date-time */
                approvedAt: string;
            }[];
        };
        VoucherStatusChangeInput: {
            reason: string;
        };
        /** @enum {string} */
        ServiceProviderKind: "hospital" | "clinic" | "pharmacy" | "laboratory" | "other";
        ProviderUser: {
            subject: string;
            username: string;
            displayName: string;
            /** Format: date-time */
            linkedAt: string;
        };
        ServiceProvider: {
            /** Format: uuid */
            id: string;
            name: string;
            kind: components["schemas"]["ServiceProviderKind"];
            region: string;
            paymentDetails: string;
            /** Format: date-time */
            createdAt: string;
            users: components["schemas"]["ProviderUser"][];
        };
        ServiceProviderInput: {
            name: string;
            kind: components["schemas"]["ServiceProviderKind"];
            region: string;
            /** @description Where reimbursements are paid (bank and account, or mobile money number) */
            paymentDetails: string;
        };
        ProviderUserLinkInput: {
            /** @description The user's name in the identity provider */
            username: string;
        };
        Redemption: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            voucherId: string;
            /** Format: uuid */
            providerId: string;
            providerName: string;
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["CurrencyCode"];
            service: string;
            /** Format: date-time */
            redeemedAt: string;
            /** @description What remained on the voucher right after this redemption */
            remainingAfter: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The claim it is in, if any
             */
            claimId?: string;
            /** @description The voucher's status right after this redemption (in the answer to the redemption only) */
            voucherStatus?: components["schemas"]["VoucherStatus"];
        };
        RedemptionPage: {
            page: number;
            pageSize: number;
            total: number;
            items: components["schemas"]["Redemption"][];
        };
        RedemptionInput: {
            /**
             * Format: uuid
             * @description The voucher's id (its credential's `urn:uuid:` id), from the scan
             */
            voucherId: string;
            amount: components["schemas"]["Money"];
            /** @description What was provided (kept for the claim; never in events or logs) */
            service: string;
        };
        ScanInput: {
            /** @description What the QR code holds (`VC1-R…` or PixelPass `NCF…`), or a credential as JSON text */
            text: string;
        } | {
            /** @description A credential as a JSON object */
            credential: Record<string, never>;
        };
        ScanCheck: {
            /** @enum {string} */
            check: "format" | "signature" | "issuer" | "validity" | "status";
            passed: boolean;
            /** @description Why it failed (a code of the problem table); absent when it passed */
            code?: string;
            /** @description The code's title in English */
            title?: string;
        };
        ScanVerification: {
            verified: boolean;
            checks: components["schemas"]["ScanCheck"][];
            /** @description What the voucher says it entitles to (present when its form could be read) */
            voucher?: {
                /** Format: uuid */
                id?: string;
                name: string;
                program: string;
                treatmentType: string;
                amount: string;
                currency: string;
                applicationReference: string;
                validFrom: string;
                validUntil: string;
            };
            /** @description For providers and claims officers, of a voucher this service issued */
            redemption?: {
                status: components["schemas"]["VoucherStatus"];
                amountRedeemed: components["schemas"]["Money"];
                amountRemaining: components["schemas"]["Money"];
                currency: components["schemas"]["CurrencyCode"];
            };
        };
        /** @enum {string} */
        ClaimStatus: "SUBMITTED" | "APPROVED" | "REJECTED" | "PAID";
        /**
         * @description - `many-redemptions-one-beneficiary`: the beneficiary behind these redemptions' vouchers has had at least
         *       `threshold` redemptions (any voucher, any facility) in the `windowDays` days up to the claim's sending.
         *     - `always-maximum-amount`: the facility made at least `threshold` redemptions in the `windowDays` days up to
         *       the claim's sending, and every one took its voucher's whole value in one go (`amount` equal to the
         *       voucher's value, nothing left after).
         *     - `outside-voucher-region`: the facility's region is not the beneficiary's region in the registry (compared
         *       trimmed, case-insensitive).
         * @enum {string}
         */
        ClaimSignalKind: "many-redemptions-one-beneficiary" | "always-maximum-amount" | "outside-voucher-region";
        /** @description What was found; figures and regions only */
        ClaimSignalEvidence: {
            /** @description How many redemptions were counted in the window */
            redemptionCount?: number;
            /** @description How many make the signal */
            threshold?: number;
            /** @description The window: this many days up to the claim's sending */
            windowDays?: number;
            providerRegion?: string;
            beneficiaryRegion?: string;
        };
        ClaimSignal: {
            kind: components["schemas"]["ClaimSignalKind"];
            /** @description The signal in plain English; pages word it from `kind` and `evidence` */
            explanation: string;
            /** @description The claim's redemptions it concerns, oldest first */
            redemptionIds: string[];
            evidence: components["schemas"]["ClaimSignalEvidence"];
        };
        Claim: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            providerId: string;
            providerName: string;
            status: components["schemas"]["ClaimStatus"];
            total: components["schemas"]["Money"];
            currency: components["schemas"]["CurrencyCode"];
            /** Format: uuid */
            invoiceDocumentId: string;
            redemptionIds: string[];
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            decidedAt?: string;
            decisionReason?: string;
            /** Format: date-time */
            paidAt?: string;
            paymentReference?: string;
            /** @description Only in a claims officer's read of one claim (`getClaim`); in the order of the kinds, then of the redemptions */
            signals?: components["schemas"]["ClaimSignal"][];
        };
        ClaimPage: {
            page: number;
            pageSize: number;
            total: number;
            items: components["schemas"]["Claim"][];
        };
        ClaimInput: {
            redemptionIds: string[];
            total: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description A document of kind `invoice` the caller uploaded
             */
            invoiceDocumentId: string;
        };
        VerifyCredentialInput: {
            verifiableCredential: {
                [key: string]: unknown;
            };
            options?: {
                [key: string]: unknown;
            };
        };
        VerificationResult: {
            verified: boolean;
            /** @description The checks that ran and passed (format, signature, issuer, validity, status) */
            checks: string[];
            warnings: {
                [key: string]: unknown;
            }[];
            errors: {
                check: string;
                code: string;
                title: string;
            }[];
        };
        IssueCredentialInput: {
            credential: {
                [key: string]: unknown;
            };
            options?: {
                [key: string]: unknown;
            };
        };
        IssueCredentialResult: {
            verifiableCredential: {
                [key: string]: unknown;
            };
        };
        VerifiedIdentity: {
            /** @enum {string} */
            format: "claim169" | "vc";
            /** @description The ID's issuer (`iss`) */
            issuer: string;
            idNumber: string;
            givenName?: string;
            familyName?: string;
            /** Format: date */
            birthDate?: string;
            /** @enum {string} */
            gender?: "female" | "male" | "other";
            /** @description The address as the ID writes it, on one line */
            address?: string;
            /** @description The ID's photo as a data: URL (JPEG or PNG), when it has one */
            photo?: string;
            /** Format: date-time */
            expiresAt?: string;
            /** Format: date-time */
            verifiedAt: string;
            /** @description The application fields these values fill and the applicant cannot change */
            lockedFields: ("givenName" | "familyName" | "birthDate" | "gender" | "address")[];
        };
        IdQrInput: {
            /** @description What the ID's QR code holds (Claim 169 base45 text, or an identity card credential as `VC1-R…`, PixelPass or JSON) */
            text: string;
        };
        IdIssuerKey: {
            /** @enum {string} */
            algorithm: "EdDSA" | "ES256";
            /** @description Ed25519's 32-byte key, or P-256's uncompressed point (65 bytes, `04…`), in hex */
            publicKeyHex: string;
        };
        TrustedIdIssuer: {
            /**
             * Format: uuid
             * @description Absent for an issuer set in the environment (ID_TRUSTED_ISSUERS)
             */
            id?: string;
            issuer: string;
            name: string;
            keys: components["schemas"]["IdIssuerKey"][];
            /** @description Set in the environment: shown, not changed here */
            fromSettings: boolean;
            version?: number;
        };
        TrustedIdIssuerInput: {
            /** @description The `iss` of its codes, or the `did:key` of its identity credentials */
            issuer: string;
            name: string;
            keys: components["schemas"]["IdIssuerKey"][];
        };
        TrustedIdIssuerUpdate: {
            name: string;
            keys: components["schemas"]["IdIssuerKey"][];
            version: components["schemas"]["ReadVersion"];
        };
        ErasureRequest: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "PENDING" | "COMPLETED";
            /** @description Erased (null) once completed */
            reason?: string | null;
            /** @description The requester's user name (program manager's list; null once completed) */
            requestedBy?: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            completedAt?: string | null;
        };
        ErasureRequestInput: {
            /** @description Optional, in the applicant's words */
            reason?: string;
        };
        NotificationPreferences: {
            email: boolean;
            sms: boolean;
            /**
             * Format: date-time
             * @description When they were last saved; null while they are the defaults
             */
            updatedAt: string | null;
        };
        NotificationPreferencesInput: {
            /** @description Messages by email */
            email: boolean;
            /** @description Messages by SMS */
            sms: boolean;
        };
        /** @enum {string} */
        NotificationDeliveryStatus: "PENDING" | "SENT" | "FAILED" | "SKIPPED";
        /** @enum {string} */
        NoticeKind: "application-received" | "stage-approved" | "application-rejected" | "application-approved" | "voucher-issued" | "voucher-redeemed" | "application-waiting" | "officer-digest" | "claim-approved" | "claim-rejected" | "claim-paid";
        NotificationDelivery: {
            id: string;
            kind: components["schemas"]["NoticeKind"];
            /** @enum {string} */
            recipientRole: "applicant" | "officer" | "provider";
            /** @enum {string} */
            channel: "email" | "sms";
            /** Format: uuid */
            programId: string | null;
            status: components["schemas"]["NotificationDeliveryStatus"];
            attempts: number;
            /** @description A short code (`smtp-550`, `smtp-econnection`, `no-address`), never the server's words */
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
        };
        /**
         * @description A language the service writes messages in
         * @enum {string}
         */
        MessageLanguage: "en" | "fr" | "ar";
        NotificationTemplate: {
            kind: components["schemas"]["NoticeKind"];
            language: components["schemas"]["MessageLanguage"];
            subject: string;
            body: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NotificationTemplateInput: {
            subject: string;
            body: string;
        };
        /** @description A detached JWS (`<protected>..<signature>`), EdDSA over the JCS form of `{header, message}` */
        DciSignature: string;
        /** @description `MsgHeader_V1.0.0` of the DCI specification */
        DciRequestHeader: {
            /**
             * @default 1.0.0
             * @enum {string}
             */
            version: "1.0.0";
            message_id: string;
            /** Format: date-time */
            message_ts: string;
            action: string;
            sender_id: string;
            /** Format: uri */
            sender_uri?: string;
            receiver_id?: string;
            total_count: number;
            /** @default false */
            is_msg_encrypted: boolean;
            meta?: Record<string, never>;
        };
        DciSearchEnvelope: {
            signature?: components["schemas"]["DciSignature"];
            header: components["schemas"]["DciRequestHeader"];
            /** @description `SearchRequest`: `transaction_id` and `search_request` (1 to 10 requests) */
            message: {
                transaction_id: string;
                search_request: {
                    reference_id: string;
                    /** Format: date-time */
                    timestamp: string;
                    search_criteria: {
                        version?: string;
                        reg_event_type?: string;
                        /** @enum {string} */
                        query_type: "idtype-value" | "expression" | "predicate";
                        /** @enum {string} */
                        response_entity?: "Group" | "Member";
                        /** @description `{type, value}` for idtype-value and expression; a list of predicates for predicate */
                        query: unknown;
                        sort?: {
                            attribute_name?: string;
                            /** @enum {string} */
                            sort_order?: "asc" | "desc";
                        }[];
                        pagination?: {
                            page_size: number;
                            /** @default 1 */
                            page_number: number;
                        };
                        consent?: Record<string, never>;
                        authorize?: Record<string, never>;
                        locale?: string;
                    };
                }[];
            };
        };
        /** @description `MsgCallbackHeader_V1.0.0` of the DCI specification */
        DciResponseHeader: {
            version: string;
            message_id: string;
            /** Format: date-time */
            message_ts: string;
            /** @enum {string} */
            action: "on-search" | "txn-on-status";
            /** @enum {string} */
            status: "rcvd" | "pdng" | "succ" | "rjct";
            status_reason_code?: string;
            status_reason_message?: string;
            total_count: number;
            completed_count: number;
            sender_id: string;
            receiver_id: string;
            is_msg_encrypted: boolean;
        };
        DciSearchResponseEnvelope: {
            signature: components["schemas"]["DciSignature"];
            header: components["schemas"]["DciResponseHeader"];
            /** @description `SearchResponse` */
            message: {
                transaction_id: string;
                correlation_id: string;
                search_response: {
                    reference_id: string;
                    /** Format: date-time */
                    timestamp: string;
                    /** @enum {string} */
                    status: "rcvd" | "pdng" | "succ" | "rjct";
                    status_reason_code?: string;
                    status_reason_message?: string;
                    locale?: string;
                    data?: {
                        version?: string;
                        reg_records?: Record<string, never>[];
                    };
                    pagination?: {
                        page_size?: number;
                        page_number?: number;
                        total_count?: number;
                    };
                }[];
            };
        };
        /** @description The acknowledgement (`components/responses/Response`): ACK for an asynchronous request taken, ERR with the error */
        DciAcknowledgement: {
            signature?: components["schemas"]["DciSignature"];
            message: {
                /** @enum {string} */
                ack_status: "ACK" | "NACK" | "ERR";
                /** Format: date-time */
                timestamp: string;
                correlation_id: string;
                error?: {
                    /** @enum {string} */
                    code?: "err.request.bad" | "err.request.unauthorized" | "err.request.forbidden" | "err.version.not_supported" | "err.sender_id.invalid" | "err.sender_uri.invalid" | "err.receiver_id.invalid" | "err.signature.missing" | "err.signature.invalid" | "err.encryption.invalid";
                    message?: string;
                };
            };
        };
        DciTxnStatusEnvelope: {
            signature?: components["schemas"]["DciSignature"];
            header: components["schemas"]["DciRequestHeader"];
            /** @description `TxnStatusRequest` */
            message: {
                transaction_id: string;
                txnstatus_request: {
                    reference_id: string;
                    /** @enum {string} */
                    txn_type: "search";
                    /** @enum {string} */
                    attribute_type: "transaction_id" | "reference_id_list" | "correlation_id";
                    attribute_value: string | string[];
                };
            };
        };
        DciTxnStatusResponseEnvelope: {
            signature: components["schemas"]["DciSignature"];
            header: components["schemas"]["DciResponseHeader"];
            /** @description `TxnStatusResponse`: each request's status and reason code */
            message: {
                transaction_id: string;
                correlation_id: string;
                txnstatus_response?: {
                    txn_type?: string;
                    txn_status?: Record<string, never>;
                };
            };
        };
        JwkSet: {
            keys: {
                /** @enum {string} */
                kty: "OKP";
                /** @enum {string} */
                crv: "Ed25519";
                x: string;
                kid: string;
                /** @enum {string} */
                alg: "EdDSA";
                /** @enum {string} */
                use?: "sig";
            }[];
        };
    };
    responses: {
        /** @description The request is not valid (malformed JSON, unknown or missing fields, wrong values) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/validation",
                 *       "title": "Some of what was sent is missing or not valid",
                 *       "status": 400,
                 *       "detail": "/body/language must be equal to one of the allowed values: en, fr, es, pt, ar, sw",
                 *       "code": "ERR_VALIDATION",
                 *       "errors": [
                 *         {
                 *           "path": "/body/language",
                 *           "message": "must be equal to one of the allowed values: en, fr, es, pt, ar, sw"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No access token, or one that is expired, forged or issued for someone else */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/auth-token-expired",
                 *       "title": "The access token has expired",
                 *       "status": 401,
                 *       "detail": "The access token has expired; sign in again.",
                 *       "code": "ERR_AUTH_TOKEN_EXPIRED"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's roles do not allow this */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/forbidden-role",
                 *       "title": "Your role does not allow this",
                 *       "status": 403,
                 *       "detail": "This needs the role reviewer.",
                 *       "code": "ERR_FORBIDDEN_ROLE"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing exists here, or you may not see it */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/not-found",
                 *       "title": "Nothing found at this address",
                 *       "status": 404,
                 *       "detail": "No application with that id.",
                 *       "code": "ERR_NOT_FOUND"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource changed meanwhile, already exists, or is not in a state that allows this */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/version-conflict",
                 *       "title": "Changed by someone else since you read it",
                 *       "status": 409,
                 *       "detail": "The program was changed by someone else; reload it and try again.",
                 *       "code": "ERR_VERSION_CONFLICT"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but cannot be carried out as sent */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the endpoint accepts */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not JSON */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Too many requests from this caller in the current window: a signed-in caller is counted by
         *     subject, a call without a valid token by client address (a flood of bad tokens is answered 429,
         *     not 401). Retry-After says when to try again.
         */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds until the caller may try again
                 * @example 42
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/rate-limited",
                 *       "title": "Too many requests in a short time",
                 *       "status": 429,
                 *       "detail": "Too many requests in the current window; try again in 42 seconds.",
                 *       "code": "ERR_RATE_LIMITED"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Any other error */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such document, or one the caller may not see */
        DocumentNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/not-found",
                 *       "title": "Nothing found at this address",
                 *       "status": 404,
                 *       "detail": "No document 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31.",
                 *       "code": "ERR_NOT_FOUND"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Page number, from 1 */
        Page: number;
        /** @description Items per page */
        PageSize: number;
        /**
         * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
         *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
         *     same key with a different body is refused with 422.
         * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
         */
        IdempotencyKey: string;
        ProgramId: string;
        RegistrantId: string;
        /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
        DocumentId: string;
        ApplicationId: string;
        VoucherId: string;
        ProviderId: string;
        ClaimId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": "6f1c1e0e-1b7a-4d1e-9a55-0b7b5f1f6a10",
                     *       "username": "amina",
                     *       "displayName": "Amina Yusuf",
                     *       "email": "amina@example.org",
                     *       "roles": [
                     *         "applicant"
                     *       ],
                     *       "portals": [
                     *         {
                     *           "id": "applicant",
                     *           "title": "Self-Service Portal",
                     *           "description": "Apply for assistance and follow your applications.",
                     *           "href": "/ssp"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CurrentUser"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "language": "en",
                     *       "contactChannel": "email",
                     *       "updatedAt": "2026-11-26T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    putMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "language": "fr",
                 *       "contactChannel": "sms"
                 *     }
                 */
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description The saved preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "language": "fr",
                     *       "contactChannel": "sms",
                     *       "updatedAt": "2026-11-26T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getPortal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example reviewer */
                portal: components["schemas"]["Role"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "reviewer",
                     *       "title": "Officer work queue",
                     *       "description": "Review the applications at your stage and decide them.",
                     *       "href": "/officer",
                     *       "roles": [
                     *         "reviewer"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Portal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready for traffic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "checks": {
                     *         "database": "up",
                     *         "migrations": "done"
                     *       },
                     *       "outbox": {
                     *         "unpublished": 0,
                     *         "oldestAgeSeconds": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "not-ready",
                     *       "checks": {
                     *         "database": "down",
                     *         "migrations": "unknown"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    listPrograms: {
        parameters: {
            query?: {
                state?: components["schemas"]["ProgramState"];
                code?: string;
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of programs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    createProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "EMERG-SURG",
                 *       "name": "Emergency surgery and treatment",
                 *       "description": "Immediate help with the cost of urgent surgery and treatment.",
                 *       "currency": "KES",
                 *       "maxAmount": "250000.00",
                 *       "voucherValidityDays": 30,
                 *       "treatmentTypes": [
                 *         {
                 *           "code": "surgery",
                 *           "label": "Urgent surgery"
                 *         },
                 *         {
                 *           "code": "treatment",
                 *           "label": "Medical treatment"
                 *         }
                 *       ],
                 *       "reasonCodes": [
                 *         {
                 *           "code": "eligible",
                 *           "label": "Meets the criteria"
                 *         },
                 *         {
                 *           "code": "incomplete",
                 *           "label": "Documents incomplete"
                 *         }
                 *       ],
                 *       "stages": [
                 *         {
                 *           "name": "Social worker",
                 *           "kind": "review",
                 *           "officer": {
                 *             "type": "user",
                 *             "ref": "samuel"
                 *           }
                 *         },
                 *         {
                 *           "name": "Senior officer",
                 *           "kind": "assessment",
                 *           "officer": {
                 *             "type": "user",
                 *             "ref": "sena"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ProgramInput"];
            };
        };
        responses: {
            /** @description The program */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    updateProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 3,
                 *       "state": "open"
                 *     }
                 */
                "application/json": components["schemas"]["ProgramPatch"];
            };
        };
        responses: {
            /** @description The changed program */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    addProgramStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 3,
                 *       "name": "Junior officer",
                 *       "kind": "review",
                 *       "officer": {
                 *         "type": "user",
                 *         "ref": "joy"
                 *       },
                 *       "position": 2
                 *     }
                 */
                "application/json": components["schemas"]["StageInput"];
            };
        };
        responses: {
            /** @description The program with the new stage */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    removeProgramStage: {
        parameters: {
            query: {
                version: components["schemas"]["ReadVersion"];
            };
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
                stageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program without the stage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    updateProgramStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
                stageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 4,
                 *       "position": 1
                 *     }
                 */
                "application/json": components["schemas"]["StagePatch"];
            };
        };
        responses: {
            /** @description The program with the changed stage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getVoucherTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherTemplate"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    updateVoucherTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Emergency surgery voucher",
                 *       "instructions": {
                 *         "beneficiary": "Show this voucher with your ID at the hospital's front desk.",
                 *         "provider": "Scan the QR code to check the voucher before treatment."
                 *       },
                 *       "printedFields": [
                 *         "name",
                 *         "program",
                 *         "amount",
                 *         "validity"
                 *       ],
                 *       "language": "en"
                 *     }
                 */
                "application/json": components["schemas"]["VoucherTemplateInput"];
            };
        };
        responses: {
            /** @description The voucher template as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    setVoucherLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["VoucherLogoUpload"];
            };
        };
        responses: {
            /** @description The voucher template with its new logo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The image is larger than a logo may be */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/voucher-logo-too-large",
                     *       "title": "The logo image is too large",
                     *       "status": 413,
                     *       "detail": "The logo has 350000 bytes; a logo may have at most 204800.",
                     *       "code": "ERR_VOUCHER_LOGO_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is not a PNG or JPEG image (judged by its bytes) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/voucher-logo-not-image",
                     *       "title": "The logo is not a PNG or JPEG image",
                     *       "status": 415,
                     *       "detail": "The file sent is not a PNG or JPEG image.",
                     *       "code": "ERR_VOUCHER_LOGO_NOT_IMAGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    removeVoucherLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher template without a logo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherTemplate"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listOfficerGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OfficerGroup"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    saveOfficerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                groupCode: components["schemas"]["GroupCode"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 2,
                 *       "name": "Junior officers",
                 *       "members": [
                 *         "joy",
                 *         "samuel"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["OfficerGroupInput"];
            };
        };
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerGroup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    searchRegistrants: {
        parameters: {
            query?: {
                idType?: components["schemas"]["IdType"];
                idValue?: components["schemas"]["IdValue"];
                /** @description Start of the given or family name, any case. A space may be sent as `+` or `%20`. */
                name?: string;
                /** @description The region, any case. A space may be sent as `+` or `%20`. */
                region?: string;
                /** @description The id of the last registrant of the page before (its `nextAfter`); not with `page` */
                after?: string;
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of registrants */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrantPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    createRegistrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "idType": "NATIONAL_ID",
                 *       "idValue": "NID-2001",
                 *       "givenName": "Halima",
                 *       "familyName": "Said",
                 *       "gender": "female",
                 *       "birthDate": "1988-04-12",
                 *       "occupation": "Farmer",
                 *       "phone": "+254 700 000001",
                 *       "paymentAccount": {
                 *         "kind": "mobile-money",
                 *         "number": "+254 700 000001",
                 *         "provider": "M-Pesa"
                 *       },
                 *       "address": {
                 *         "region": "Coast",
                 *         "district": "Kilifi",
                 *         "locality": "Mtwapa"
                 *       },
                 *       "familyMembers": [
                 *         {
                 *           "relation": "child",
                 *           "givenName": "Omar",
                 *           "familyName": "Said",
                 *           "gender": "male",
                 *           "birthDate": "2015-09-01"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RegistrantInput"];
            };
        };
        responses: {
            /** @description The registrant */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registrant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getRegistrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registrant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registrant"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    updateRegistrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "occupation": "Teacher",
                 *       "address": {
                 *         "region": "Coast",
                 *         "district": "Kilifi",
                 *         "locality": "Kilifi town"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RegistrantPatch"];
            };
        };
        responses: {
            /** @description The registrant as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registrant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listRegistrantChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RegistrantChange"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listRegistrantDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                registrantId: components["parameters"]["RegistrantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registrant's likely duplicates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrantDuplicateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getMyRegistrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's registrant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registrant"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    /**
                     * @description `attachment` with the date of the export in the name
                     * @example attachment; filename="my-data-2026-12-03.zip"
                     */
                    "Content-Disposition"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentUpload"];
            };
        };
        responses: {
            /** @description The document was stored */
            201: {
                headers: {
                    /**
                     * @description Where the document's metadata can be read
                     * @example /api/v1/documents/4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31
                     */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31",
                     *       "fileName": "discharge-summary.pdf",
                     *       "mediaType": "application/pdf",
                     *       "sizeBytes": 48213,
                     *       "sha256": "9f2c1d7e3b5a4c6d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d",
                     *       "kind": "medical-report",
                     *       "createdAt": "2026-11-26T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description No file, an empty file, an unknown `kind`, or a malformed form */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/validation",
                     *       "title": "Some of what was sent is missing or not valid",
                     *       "status": 400,
                     *       "detail": "The file is empty.",
                     *       "code": "ERR_VALIDATION",
                     *       "errors": [
                     *         {
                     *           "path": "/body/file",
                     *           "message": "must not be empty"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The file would take the uploader's documents not yet part of a submitted application past the quota */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/document-quota-reached",
                     *       "title": "Too much uploaded for applications not yet sent",
                     *       "status": 409,
                     *       "detail": "Documents that are not part of a submitted application may take at most 100 MiB per person; this file would go past that. Documents of submitted applications do not count.",
                     *       "code": "ERR_DOCUMENT_QUOTA_REACHED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is larger than the service accepts (the connection is closed after this answer) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/payload-too-large",
                     *       "title": "The request or file is too large",
                     *       "status": 413,
                     *       "detail": "The file is larger than the 10485760 bytes a document may have.",
                     *       "code": "ERR_PAYLOAD_TOO_LARGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is not a PDF, JPEG or PNG (judged by its bytes, whatever its name says) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/document-type-refused",
                     *       "title": "This type of file is not accepted",
                     *       "status": 415,
                     *       "detail": "Only PDF, JPEG and PNG files are accepted; this file's content is none of them.",
                     *       "code": "ERR_DOCUMENT_TYPE_REFUSED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document's metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31",
                     *       "fileName": "prescription.png",
                     *       "mediaType": "image/png",
                     *       "sizeBytes": 20731,
                     *       "sha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                     *       "kind": "prescription",
                     *       "createdAt": "2026-11-26T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["DocumentNotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getDocumentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document's bytes */
            200: {
                headers: {
                    /**
                     * @description `attachment` with the sanitized file name (`filename` in ASCII, `filename*` in UTF-8)
                     * @example attachment; filename="discharge-summary.pdf"
                     */
                    "Content-Disposition"?: string;
                    /**
                     * @description The SHA-256 of the content, hex, quoted
                     * @example "9f2c1d7e3b5a4c6d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"
                     */
                    ETag?: string;
                    "X-Content-Type-Options"?: "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description The caller's copy (its `If-None-Match`) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["DocumentNotFound"];
            429: components["responses"]["TooManyRequests"];
            /** @description The stored content no longer matches its hash (or is missing); it is not served */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/document-integrity",
                     *       "title": "A stored document failed its integrity check",
                     *       "status": 500,
                     *       "detail": "The stored document failed its integrity check and is not served. The request id identifies it in our logs.",
                     *       "code": "ERR_DOCUMENT_INTEGRITY",
                     *       "requestId": "0f8e6c1a-2b3d-4e5f-8a9b-c0d1e2f3a4b5"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    listApplications: {
        parameters: {
            query?: {
                programId?: string;
                status?: components["schemas"]["ApplicationStatus"];
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                 *       "treatment": {
                 *         "type": "surgery",
                 *         "description": "Appendectomy, admitted through the emergency ward.",
                 *         "estimatedCost": "1200.00",
                 *         "currency": "USD",
                 *         "facility": "County Referral Hospital"
                 *       },
                 *       "applicant": {
                 *         "givenName": "Amina",
                 *         "familyName": "Yusuf",
                 *         "gender": "female",
                 *         "birthDate": "1990-02-14",
                 *         "occupation": "Trader",
                 *         "phone": "+254 700 000002",
                 *         "paymentAccount": {
                 *           "kind": "mobile-money",
                 *           "number": "+254 700 000002",
                 *           "provider": "M-Pesa"
                 *         },
                 *         "address": {
                 *           "region": "Coast",
                 *           "district": "Mombasa",
                 *           "locality": "Likoni"
                 *         }
                 *       },
                 *       "familyMembers": [
                 *         {
                 *           "relation": "child",
                 *           "givenName": "Zawadi",
                 *           "familyName": "Yusuf",
                 *           "gender": "female",
                 *           "birthDate": "2016-06-30"
                 *         }
                 *       ],
                 *       "documents": [
                 *         {
                 *           "documentId": "0b7e2c1a-9d8f-4e3b-a2c1-5f6e7d8c9b0a",
                 *           "kind": "medical-report"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationInput"];
            };
        };
        responses: {
            /** @description The submitted application */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listRegistryProposals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposed changes by field name, decided or not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "field": "given_name",
                     *           "proposedValue": "Amina",
                     *           "registryValue": "Aminah"
                     *         },
                     *         {
                     *           "field": "occupation",
                     *           "proposedValue": "Trader",
                     *           "registryValue": "Tailor",
                     *           "decision": "accept",
                     *           "decidedBy": "samuel",
                     *           "decidedAt": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["RegistryProposal"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    decideRegistryProposal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /** @example occupation */
                field: components["schemas"]["RegistryField"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "accept"
                 *     }
                 */
                "application/json": components["schemas"]["RegistryProposalDecisionInput"];
            };
        };
        responses: {
            /** @description The proposal as decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "field": "occupation",
                     *       "proposedValue": "Trader",
                     *       "registryValue": "Tailor",
                     *       "decision": "accept",
                     *       "decidedBy": "samuel",
                     *       "decidedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RegistryProposal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The caller's roles do not allow this, or they are not the first-stage officer of this application */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/not-first-stage-officer",
                     *       "title": "Only the first-stage officer decides proposed registry changes",
                     *       "status": 403,
                     *       "detail": "Only the designated officer of this application's first stage decides its proposed registry changes.",
                     *       "code": "ERR_NOT_FIRST_STAGE_OFFICER"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The proposal was decided already, or the registry changed since the application was submitted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/proposal-decided",
                     *       "title": "This proposed change was already decided",
                     *       "status": 409,
                     *       "detail": "The proposed change of occupation was decided already.",
                     *       "code": "ERR_PROPOSAL_DECIDED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    decideStage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /**
                 * @description The stage's position in the application's own stage list (from 1)
                 * @example 1
                 */
                position: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "approve",
                 *       "reasonCode": "eligible",
                 *       "reasonText": "Enrolled; no duplicate found.",
                 *       "checklist": {
                 *         "resident": true,
                 *         "urgent": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StageDecisionInput"];
            };
        };
        responses: {
            /** @description The decision as recorded, and where the application now stands */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "applicationId": "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11",
                     *       "position": 1,
                     *       "stageName": "Social worker: documents, enrolment, deduplication, eligibility",
                     *       "stageKind": "review",
                     *       "decision": "approve",
                     *       "reasonCode": "eligible",
                     *       "reasonText": "Enrolled; no duplicate found.",
                     *       "checklist": {
                     *         "resident": true,
                     *         "urgent": true
                     *       },
                     *       "decidedBy": {
                     *         "subject": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40",
                     *         "displayName": "Samuel Mensah"
                     *       },
                     *       "decidedAt": "2026-12-01T10:15:00.000Z",
                     *       "currentState": {
                     *         "status": "IN_REVIEW",
                     *         "currentStage": 2
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StageDecision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /**
             * @description The caller's roles do not allow this, they are not the designated officer of this stage, or deciding
             *     it would break the separation of duties (their own application, their family's, a second stage)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/approval-second-stage",
                     *       "title": "You already decided another stage of this application",
                     *       "status": 403,
                     *       "detail": "You decided stage 1 of this application; another officer decides stage 2.",
                     *       "code": "ERR_APPROVAL_SECOND_STAGE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The stage is not the current one, or the application's approval has ended; `currentState` says where it stands */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/approval-not-current-stage",
                     *       "title": "This stage is not the one being decided now",
                     *       "status": 409,
                     *       "detail": "Stage 1 is decided already; the application waits at stage 2.",
                     *       "code": "ERR_APPROVAL_NOT_CURRENT_STAGE",
                     *       "currentState": {
                     *         "status": "IN_REVIEW",
                     *         "currentStage": 2
                     *       }
                     *     }
                     */
                    "application/problem+json": components["schemas"]["StageConflict"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The amount is above the program's maximum, or above the estimated cost without an override reason */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/approval-amount-over-estimate",
                     *       "title": "The amount is above the estimated cost",
                     *       "status": 422,
                     *       "detail": "1500.00 USD is above the estimated cost of 1200.50 USD; give an override reason or lower the amount.",
                     *       "code": "ERR_APPROVAL_AMOUNT_OVER_ESTIMATE"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    verifyDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /** @example 4f7d8a52-3c1e-4b7a-9d0e-2a6b1c9e8f31 */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "verdict": "rejected",
                 *       "reason": "The invoice is not legible."
                 *     }
                 */
                "application/json": components["schemas"]["DocumentVerificationInput"];
            };
        };
        responses: {
            /** @description The verdict as recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "documentId": "2b6c3f0e-1a9d-4e57-8c21-5f0a9b7d3e64",
                     *       "verdict": "rejected",
                     *       "reason": "The invoice is not legible.",
                     *       "position": 1,
                     *       "recordedBy": {
                     *         "subject": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40",
                     *         "displayName": "Samuel Mensah"
                     *       },
                     *       "recordedAt": "2026-12-01T10:10:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentVerification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The approval of the application has ended; `currentState` says where it stands */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["StageConflict"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listDocumentVerifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest verdict per document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DocumentVerification"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    reassignStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
                /**
                 * @description The stage's position in the applications' own stage lists (from 1)
                 * @example 2
                 */
                position: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "officer": {
                 *         "type": "user",
                 *         "ref": "joy"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ReassignmentInput"];
            };
        };
        responses: {
            /** @description The applications reassigned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                     *       "position": 2,
                     *       "officer": {
                     *         "type": "user",
                     *         "ref": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40"
                     *       },
                     *       "applicationIds": [
                     *         "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Reassignment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The application named does not wait at that stage */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/reassignment-not-waiting",
                     *       "title": "The application does not wait at this stage",
                     *       "status": 409,
                     *       "detail": "The application does not wait at stage 2; only a waiting stage is reassigned.",
                     *       "code": "ERR_REASSIGNMENT_NOT_WAITING"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getProgramPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: components["parameters"]["ProgramId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program's pipeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                     *       "waiting": 3,
                     *       "stages": [
                     *         {
                     *           "position": 1,
                     *           "name": "Social worker: documents, enrolment, deduplication, eligibility",
                     *           "kind": "review",
                     *           "inStageList": true,
                     *           "officer": {
                     *             "type": "user",
                     *             "ref": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40",
                     *             "displayName": "Samuel Mensah",
                     *             "username": "samuel"
                     *           },
                     *           "waiting": 3,
                     *           "oldestWaitingSince": "2026-12-01T08:00:00.000Z",
                     *           "oldestSubmittedAt": "2026-12-01T08:00:00.000Z"
                     *         },
                     *         {
                     *           "position": 2,
                     *           "name": "Junior officer: documents and eligibility",
                     *           "kind": "review",
                     *           "inStageList": true,
                     *           "officer": {
                     *             "type": "user",
                     *             "ref": "5e2b8c1d-7a3f-4e90-b1c2-d3e4f5a6b7c8",
                     *             "displayName": "Joy Adeyemi",
                     *             "username": "joy"
                     *           },
                     *           "waiting": 0
                     *         }
                     *       ],
                     *       "finished": {
                     *         "approved": 12,
                     *         "rejected": 4
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProgramPipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listWorkQueue: {
        parameters: {
            query?: {
                /** @description Only this program's applications */
                programId?: string;
                /** @description Only applications that have waited at their stage at least this many hours */
                minWaitHours?: number;
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue, oldest wait first, with the counts per stage (over all pages) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "page": 1,
                     *       "pageSize": 20,
                     *       "total": 1,
                     *       "items": [
                     *         {
                     *           "applicationId": "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11",
                     *           "reference": "IA-7KQ-M3XD",
                     *           "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                     *           "programName": "Emergency surgery and treatment",
                     *           "status": "IN_REVIEW",
                     *           "stage": {
                     *             "position": 2,
                     *             "name": "Junior officer: documents and eligibility",
                     *             "kind": "review"
                     *           },
                     *           "treatmentType": "surgery",
                     *           "estimatedCost": "1200.50",
                     *           "currency": "USD",
                     *           "submittedAt": "2026-12-01T08:00:00.000Z",
                     *           "waitingSince": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "stageCounts": [
                     *         {
                     *           "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                     *           "position": 2,
                     *           "name": "Junior officer: documents and eligibility",
                     *           "waiting": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WorkQueuePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listSignals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application's signals, newest counterpart first within each kind */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "applicationId": "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11",
                     *       "reference": "IA-7KQ-M3XD",
                     *       "computedAt": "2026-12-01T10:15:00.000Z",
                     *       "signals": [
                     *         {
                     *           "key": "shared-document.2b5e9c1a-3f4d-4e6a-8b7c-9d0e1f2a3b4c",
                     *           "kind": "shared-document",
                     *           "evidence": {
                     *             "documents": [
                     *               {
                     *                 "documentId": "0c4f3e2d-1b0a-4987-a6b5-c4d3e2f1a0b9",
                     *                 "kind": "medical-report"
                     *               }
                     *             ]
                     *           },
                     *           "related": {
                     *             "applicationId": "2b5e9c1a-3f4d-4e6a-8b7c-9d0e1f2a3b4c",
                     *             "reference": "IA-9PX-4TRW",
                     *             "status": "IN_REVIEW",
                     *             "submittedAt": "2026-11-28T08:00:00.000Z",
                     *             "link": "/api/v1/applications/2b5e9c1a-3f4d-4e6a-8b7c-9d0e1f2a3b4c"
                     *           }
                     *         },
                     *         {
                     *           "key": "cost-outlier",
                     *           "kind": "cost-outlier",
                     *           "evidence": {
                     *             "cost": {
                     *               "estimatedCost": "25000.00",
                     *               "median": "1450.00",
                     *               "mad": "250.00",
                     *               "score": 63.5,
                     *               "sampleSize": 12
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SignalList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    reviewSignal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
                /**
                 * @description The signal's `key`, as the list gave it
                 * @example cost-outlier
                 */
                signalKey: components["schemas"]["SignalKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "Same hospital invoice template; the amounts and dates differ."
                 *     }
                 */
                "application/json": components["schemas"]["SignalReviewInput"];
            };
        };
        responses: {
            /** @description The review as recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signalKey": "cost-outlier",
                     *       "note": "Same hospital invoice template; the amounts and dates differ.",
                     *       "reviewedBy": {
                     *         "subject": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40",
                     *         "displayName": "Samuel Mensah"
                     *       },
                     *       "reviewedAt": "2026-12-01T10:20:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SignalReview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listDuplicateCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The candidates, best score first, and this application's resolutions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "applicationId": "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11",
                     *       "computedAt": "2026-12-03T10:15:00.000Z",
                     *       "candidates": [
                     *         {
                     *           "kind": "probable",
                     *           "score": 0.93,
                     *           "nameSimilarity": 0.86,
                     *           "matchedOn": [
                     *             "name",
                     *             "birth-date",
                     *             "region"
                     *           ],
                     *           "record": {
                     *             "kind": "registrant",
                     *             "id": "3f0a8a7e-0a43-4c55-9a3c-1f2b3c4d5e6f",
                     *             "registrantId": "3f0a8a7e-0a43-4c55-9a3c-1f2b3c4d5e6f",
                     *             "givenName": "Amina",
                     *             "familyName": "Yusuf",
                     *             "gender": "female",
                     *             "birthDate": "1990-04-12",
                     *             "region": "Northern",
                     *             "idType": "NATIONAL_ID",
                     *             "idValue": "NG-1990-0412"
                     *           },
                     *           "match": {
                     *             "kind": "registrant",
                     *             "id": "9b2c1d0e-7f6a-4b5c-8d9e-0a1b2c3d4e5f",
                     *             "registrantId": "9b2c1d0e-7f6a-4b5c-8d9e-0a1b2c3d4e5f",
                     *             "givenName": "Aminah",
                     *             "familyName": "Yusuf",
                     *             "gender": "female",
                     *             "birthDate": "1990-04-12",
                     *             "region": "Northern",
                     *             "idType": "PASSPORT",
                     *             "idValue": "A1234567"
                     *           }
                     *         }
                     *       ],
                     *       "resolutions": []
                     *     }
                     */
                    "application/json": components["schemas"]["DuplicateCandidateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    resolveDuplicateCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recordKind": "registrant",
                 *       "recordId": "3f0a8a7e-0a43-4c55-9a3c-1f2b3c4d5e6f",
                 *       "matchKind": "registrant",
                 *       "matchId": "9b2c1d0e-7f6a-4b5c-8d9e-0a1b2c3d4e5f",
                 *       "resolution": "dismiss",
                 *       "reason": "Different mothers' names on the birth certificates; two people."
                 *     }
                 */
                "application/json": components["schemas"]["DuplicateResolutionInput"];
            };
        };
        responses: {
            /** @description The resolution as recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "applicationId": "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11",
                     *       "record": {
                     *         "kind": "registrant",
                     *         "id": "3f0a8a7e-0a43-4c55-9a3c-1f2b3c4d5e6f"
                     *       },
                     *       "match": {
                     *         "kind": "registrant",
                     *         "id": "9b2c1d0e-7f6a-4b5c-8d9e-0a1b2c3d4e5f"
                     *       },
                     *       "resolution": "dismiss",
                     *       "reason": "Different mothers' names on the birth certificates; two people.",
                     *       "kind": "probable",
                     *       "score": 0.93,
                     *       "matchedOn": [
                     *         "name",
                     *         "birth-date",
                     *         "region"
                     *       ],
                     *       "resolvedBy": {
                     *         "subject": "3c9a7f1e-2d4b-4f61-a0e2-9b8c7d6e5f40",
                     *         "displayName": "Samuel Mensah"
                     *       },
                     *       "resolvedAt": "2026-12-03T10:20:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["DuplicateResolution"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listApplicationDrafts: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of drafts, most recently changed first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDraftPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    startApplicationDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "programId": "8a0e7f4c-2b1d-4c3e-9f5a-6b7c8d9e0f1a",
                 *       "treatment": {
                 *         "type": "surgery"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationDraftInput"];
            };
        };
        responses: {
            /** @description The draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The applicant already has as many drafts open as one person may */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "/problems/draft-quota-reached",
                     *       "title": "Too many applications started and not sent",
                     *       "status": 409,
                     *       "detail": "One person may have at most 10 applications started and not sent; send or discard one to start another.",
                     *       "code": "ERR_DRAFT_QUOTA_REACHED"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getApplicationDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDraft"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    saveApplicationDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationDraftInput"];
            };
        };
        responses: {
            /** @description The saved draft */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    discardApplicationDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    submitApplicationDraft: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The submitted application (same id and reference as the draft) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "verified": false,
                     *       "eventsChecked": 1204,
                     *       "chainsChecked": 311,
                     *       "checkpointsChecked": 12,
                     *       "lastCheckpointAt": "2026-11-30T10:05:00.000Z",
                     *       "firstBrokenEvent": {
                     *         "id": "877",
                     *         "chainKey": "application:7d0f3c1e-8a54-4d8b-9a55-0b7b5f1f6a10",
                     *         "seq": 3,
                     *         "reason": "content-altered"
                     *       },
                     *       "brokenEvents": 1,
                     *       "firstBrokenCheckpoint": null
                     *     }
                     */
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getApplicationVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    issueVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher as issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    issueVouchers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "applicationIds": [
                 *         "7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["VoucherIssuanceInput"];
            };
        };
        responses: {
            /** @description One result per application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherIssuanceResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listIssuableApplications: {
        parameters: {
            query?: {
                /** @description Only this program's applications */
                programId?: string;
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of approved applications without a voucher */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuablePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getVoucherQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR code holding the voucher's `VC1-R…` text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    revokeVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "The treatment was paid by the applicant's insurer."
                 *     }
                 */
                "application/json": components["schemas"]["VoucherStatusChangeInput"];
            };
        };
        responses: {
            /** @description The voucher, revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    suspendVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "The applicant reported the paper voucher lost."
                 *     }
                 */
                "application/json": components["schemas"]["VoucherStatusChangeInput"];
            };
        };
        responses: {
            /** @description The voucher, suspended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    reinstateVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                voucherId: components["parameters"]["VoucherId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher, in force again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The facilities, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceProvider"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    registerProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceProviderInput"];
            };
        };
        responses: {
            /** @description The facility as registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProvider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The facility */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProvider"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    linkProviderUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderUserLinkInput"];
            };
        };
        responses: {
            /** @description The facility with its users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProvider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    unlinkProviderUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: components["parameters"]["ProviderId"];
                /** @description The user's subject in the identity provider */
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The facility with its remaining users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProvider"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listRedemptions: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
                /** @description Only the redemptions in no claim (those the facility can still claim) */
                unclaimed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of redemptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    redeemVoucher: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedemptionInput"];
            };
        };
        responses: {
            /** @description The redemption (its receipt) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                redemptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The redemption */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    verifyScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanInput"];
            };
        };
        responses: {
            /** @description Each check, and what the voucher says */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanVerification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listClaims: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: components["parameters"]["Page"];
                /** @description Items per page */
                pageSize?: components["parameters"]["PageSize"];
                status?: components["schemas"]["ClaimStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of claims */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    submitClaim: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value per intended operation (a UUID is best). Sending the same key again with the same
                 *     body returns the first result (with `Idempotent-Replayed: true`) and creates nothing new; the
                 *     same key with a different body is refused with 422.
                 * @example 3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "redemptionIds": [
                 *         "7d1f0c1e-2a34-4c55-9a66-0b7c8d9e0f11"
                 *       ],
                 *       "total": "1.00",
                 *       "invoiceDocumentId": "3e2d1c0b-4a59-4f68-8b77-1c2d3e4f5a6b"
                 *     }
                 */
                "application/json": components["schemas"]["ClaimInput"];
            };
        };
        responses: {
            /** @description The claim as submitted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    exportClaims: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 4180 CSV, a header line then one claim a line, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    decideClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The claim as decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    payClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paymentReference: string;
                };
            };
        };
        responses: {
            /** @description The claim as paid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    verifyCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "verifiableCredential": {
                 *         "@context": [
                 *           "https://www.w3.org/ns/credentials/v2",
                 *           "https://w3id.org/iaod/voucher/v1"
                 *         ],
                 *         "type": [
                 *           "VerifiableCredential",
                 *           "EntitlementVoucher"
                 *         ],
                 *         "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["VerifyCredentialInput"];
            };
        };
        responses: {
            /** @description The verification result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    issueCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credential": {
                 *         "@context": [
                 *           "https://www.w3.org/ns/credentials/v2"
                 *         ],
                 *         "type": [
                 *           "VerifiableCredential"
                 *         ],
                 *         "credentialSubject": {
                 *           "id": "did:example:ebfeb1f712ebc6f1c276e12ec21"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IssueCredentialInput"];
            };
        };
        responses: {
            /** @description The signed credential */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueCredentialResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getStatusList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                listNumber: number;
                purpose: "revocation" | "suspension";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status list credential */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not changed since the `ETag` sent */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
        };
    };
    getMyVerifiedId: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verified fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedIdentity"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    verifyMyId: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdQrInput"];
            };
        };
        responses: {
            /** @description The verified fields; the account is linked to the ID */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedIdentity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listIdIssuers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every trusted ID issuer, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrustedIdIssuer"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    createIdIssuer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrustedIdIssuerInput"];
            };
        };
        responses: {
            /** @description The issuer, trusted from now on */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrustedIdIssuer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getIdIssuer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issuer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrustedIdIssuer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    updateIdIssuer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrustedIdIssuerUpdate"];
            };
        };
        responses: {
            /** @description The issuer as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrustedIdIssuer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    deleteIdIssuer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issuerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issuer is no longer trusted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getOwnErasureRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's latest request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    requestErasure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "I no longer need the program's help."
                 *     }
                 */
                "application/json": components["schemas"]["ErasureRequestInput"];
            };
        };
        responses: {
            /** @description A request was already pending; it is returned unchanged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            /** @description The request as queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b0c1d2e-3f40-4a51-8b62-7c83d94e0a15",
                     *       "status": "PENDING",
                     *       "reason": "I no longer need the program's help.",
                     *       "requestedAt": "2026-12-03T09:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listErasureRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pending requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ErasureRequest"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    completeErasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                erasureRequestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The completed request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getMyNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email": true,
                     *       "sms": false,
                     *       "updatedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    putMyNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": true,
                 *       "sms": true
                 *     }
                 */
                "application/json": components["schemas"]["NotificationPreferencesInput"];
            };
        };
        responses: {
            /** @description The saved channels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email": true,
                     *       "sms": true,
                     *       "updatedAt": "2026-12-08T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                programId?: string;
                status?: components["schemas"]["NotificationDeliveryStatus"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationDelivery"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    listProgramNotificationTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program's templates; a notice without one uses the service's catalog */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationTemplate"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    putProgramNotificationTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: string;
                kind: components["schemas"]["NoticeKind"];
                language: components["schemas"]["MessageLanguage"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subject": "Your application {reference} was received",
                 *       "body": "Hello {name}, we have your application. {link}"
                 *     }
                 */
                "application/json": components["schemas"]["NotificationTemplateInput"];
            };
        };
        responses: {
            /** @description The saved template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    deleteProgramNotificationTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                programId: string;
                kind: components["schemas"]["NoticeKind"];
                language: components["schemas"]["MessageLanguage"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    dciSyncSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "header": {
                 *         "version": "1.0.0",
                 *         "message_id": "0f0b2f7e-6c1d-4a53-9d64-2b3f4a5c6d7e",
                 *         "message_ts": "2026-12-03T10:00:00Z",
                 *         "action": "search",
                 *         "sender_id": "external.example.org",
                 *         "total_count": 1,
                 *         "is_msg_encrypted": false
                 *       },
                 *       "message": {
                 *         "transaction_id": "txn-0001",
                 *         "search_request": [
                 *           {
                 *             "reference_id": "ref-0001",
                 *             "timestamp": "2026-12-03T10:00:00Z",
                 *             "search_criteria": {
                 *               "version": "1.0.0",
                 *               "query_type": "idtype-value",
                 *               "query": {
                 *                 "type": "NATIONAL_ID",
                 *                 "value": "NID-1001"
                 *               },
                 *               "pagination": {
                 *                 "page_size": 10,
                 *                 "page_number": 1
                 *               }
                 *             }
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DciSearchEnvelope"];
            };
        };
        responses: {
            /** @description The signed `on-search` answer, or a signed acknowledgement with `ack_status` ERR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signature": "eyJhbGciOiJFZERTQSIsImtpZCI6Ino2TWtleGFtcGxlIn0..c2lnbmF0dXJl",
                     *       "header": {
                     *         "version": "1.0.0",
                     *         "message_id": "5b0d8e0c-9a7f-4f55-8c1e-2d3c4b5a6978",
                     *         "message_ts": "2026-12-03T10:00:01Z",
                     *         "action": "on-search",
                     *         "status": "succ",
                     *         "total_count": 1,
                     *         "completed_count": 1,
                     *         "sender_id": "registry.example.org",
                     *         "receiver_id": "external.example.org",
                     *         "is_msg_encrypted": false
                     *       },
                     *       "message": {
                     *         "transaction_id": "txn-0001",
                     *         "correlation_id": "7d1f3c9a-2b4e-4c6d-8e0f-1a2b3c4d5e6f",
                     *         "search_response": [
                     *           {
                     *             "reference_id": "ref-0001",
                     *             "timestamp": "2026-12-03T10:00:01Z",
                     *             "status": "succ",
                     *             "data": {
                     *               "version": "1.0.0",
                     *               "reg_records": [
                     *                 {
                     *                   "@type": "spdci:Member",
                     *                   "@id": "urn:uuid:3f0c9a52-5f6e-4d7b-9a2e-0c1d2e3f4a5b",
                     *                   "member_identifier": [
                     *                     {
                     *                       "@type": "Identifier",
                     *                       "identifier_type": "NATIONAL_ID",
                     *                       "identifier_value": "NID-1001"
                     *                     }
                     *                   ],
                     *                   "demographic_info": {
                     *                     "@type": "SRPerson",
                     *                     "name": {
                     *                       "@type": "Name",
                     *                       "surname": "Yusuf",
                     *                       "given_name": "Amina"
                     *                     },
                     *                     "sex": "female",
                     *                     "birth_date": "1990-04-02"
                     *                   }
                     *                 }
                     *               ]
                     *             },
                     *             "pagination": {
                     *               "page_size": 10,
                     *               "page_number": 1,
                     *               "total_count": 1
                     *             }
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DciSearchResponseEnvelope"] | components["schemas"]["DciAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    dciSyncTxnStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "header": {
                 *         "version": "1.0.0",
                 *         "message_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                 *         "message_ts": "2026-12-03T10:05:00Z",
                 *         "action": "txn-status",
                 *         "sender_id": "external.example.org",
                 *         "total_count": 1
                 *       },
                 *       "message": {
                 *         "transaction_id": "txn-0002",
                 *         "txnstatus_request": {
                 *           "reference_id": "ref-0002",
                 *           "txn_type": "search",
                 *           "attribute_type": "reference_id_list",
                 *           "attribute_value": [
                 *             "ref-0001"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DciTxnStatusEnvelope"];
            };
        };
        responses: {
            /** @description The signed `txn-on-status` answer, or a signed acknowledgement with `ack_status` ERR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DciTxnStatusResponseEnvelope"] | components["schemas"]["DciAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    dciSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "header": {
                 *         "version": "1.0.0",
                 *         "message_id": "4c1e2a7b-8d3f-4e6a-9b0c-1d2e3f4a5b6c",
                 *         "message_ts": "2026-12-03T10:00:00Z",
                 *         "action": "search",
                 *         "sender_id": "external.example.org",
                 *         "sender_uri": "https://external.example.org/dci/callback",
                 *         "total_count": 1,
                 *         "is_msg_encrypted": false
                 *       },
                 *       "message": {
                 *         "transaction_id": "txn-0003",
                 *         "search_request": [
                 *           {
                 *             "reference_id": "ref-0003",
                 *             "timestamp": "2026-12-03T10:00:00Z",
                 *             "search_criteria": {
                 *               "version": "1.0.0",
                 *               "query_type": "predicate",
                 *               "query": [
                 *                 {
                 *                   "seq_num": 1,
                 *                   "expression1": {
                 *                     "attribute_name": "region",
                 *                     "operator": "eq",
                 *                     "attribute_value": "Coast"
                 *                   }
                 *                 }
                 *               ],
                 *               "pagination": {
                 *                 "page_size": 20,
                 *                 "page_number": 1
                 *               }
                 *             }
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DciSearchEnvelope"];
            };
        };
        responses: {
            /** @description A signed acknowledgement, ACK (taken; the answer follows at the callback address) or ERR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "signature": "eyJhbGciOiJFZERTQSIsImtpZCI6Ino2TWtleGFtcGxlIn0..c2lnbmF0dXJl",
                     *       "message": {
                     *         "ack_status": "ACK",
                     *         "timestamp": "2026-12-03T10:00:00Z",
                     *         "correlation_id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DciAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    dciTxnStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "header": {
                 *         "version": "1.0.0",
                 *         "message_id": "7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
                 *         "message_ts": "2026-12-03T10:06:00Z",
                 *         "action": "txn-status",
                 *         "sender_id": "external.example.org",
                 *         "total_count": 1
                 *       },
                 *       "message": {
                 *         "transaction_id": "txn-0004",
                 *         "txnstatus_request": {
                 *           "reference_id": "ref-0004",
                 *           "txn_type": "search",
                 *           "attribute_type": "reference_id_list",
                 *           "attribute_value": [
                 *             "ref-0003"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DciTxnStatusEnvelope"];
            };
        };
        responses: {
            /** @description A signed acknowledgement, ACK or ERR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DciAcknowledgement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Problem"];
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JWK Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "OKP",
                     *           "crv": "Ed25519",
                     *           "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *           "kid": "z6MkexampleKey",
                     *           "alg": "EdDSA",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/jwk-set+json": components["schemas"]["JwkSet"];
                };
            };
        };
    };
}
