/** The registry changes an application's applicant proposed, as the operations read them. */

/** A subquery on applications `a`: its proposals as a JSON list of rows, by field name (never null). */
export const PROPOSALS_OF_APPLICATION = `COALESCE((SELECT json_agg(json_build_object('field', p.field,
    'proposed_value', p.proposed_value, 'registry_value', p.registry_value, 'decision', p.decision,
    'decided_by_subject', p.decided_by_subject, 'decided_by_username', p.decided_by_username, 'decided_at', p.decided_at)
    ORDER BY p.field) FROM application_registry_proposals p WHERE p.application_id = a.id), '[]')`;
