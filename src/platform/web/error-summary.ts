/**
 * The list at the top of a refused form ("There is a problem"): one link per refused field, to the
 * field's id, with the same words as the message next to the field. The portal and the admin pages
 * render it with the `errorSummary` macro (views/_error-summary.njk).
 */

export interface ErrorLink {
  message: string;
  /** `#<field id>`; absent when the message belongs to no one field on the page. */
  href?: string;
}

/**
 * Field messages (by form key) as summary links, in the order given. `fieldId` names the element to
 * link to for a key, or undefined when the page shows no field for it.
 */
export function linkFieldErrors(errors: Record<string, string>, fieldId: (key: string) => string | undefined): ErrorLink[] {
  return Object.entries(errors).map(([key, message]) => {
    const id = fieldId(key);
    return id === undefined ? { message } : { message, href: `#${id}` };
  });
}
