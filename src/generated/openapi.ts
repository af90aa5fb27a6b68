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
        /** Readiness (database reachable, migrations applied) */
        get: operations["getReadiness"];
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
        PreferencesInput: {
            /**
             * @description Language of pages and messages (BCP 47 primary tag)
             * @enum {string}
             */
            language: "en" | "fr" | "es" | "pt" | "ar" | "sw";
            /**
             * @description How the service contacts the user about their cases
             * @enum {string}
             */
            contactChannel: "email" | "sms" | "none";
        };
        Preferences: {
            /** @enum {string} */
            language: "en" | "fr" | "es" | "pt" | "ar" | "sw";
            /** @enum {string} */
            contactChannel: "email" | "sms" | "none";
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
        };
        FieldError: {
            /** @description Where the problem is */
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
                 *       "title": "The request is not valid",
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
                 *       "detail": "This needs one of the roles: reviewer.",
                 *       "code": "ERR_FORBIDDEN_ROLE"
                 *     }
                 */
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
        /** @description Any other error */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
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
}
