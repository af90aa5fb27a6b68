/**
 * The few HTML pages of the development provider: sign-in, sign-out and errors. Plain HTML with
 * inline styles, no assets, so the provider needs nothing beyond this file to render them.
 */
import type { RealmUser } from '../realm.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:2rem 1rem;color:#111827}
main{max-width:26rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
.banner{background:#fef3c7;border:1px solid #f59e0b;border-radius:6px;padding:.6rem .8rem;font-size:.9rem;margin-bottom:1rem}
.error{background:#fee2e2;border:1px solid #ef4444;border-radius:6px;padding:.6rem .8rem;margin-bottom:1rem}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #9ca3af;border-radius:4px}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;cursor:pointer}
table{width:100%;border-collapse:collapse;font-size:.9rem;margin-top:.5rem}
td,th{text-align:left;padding:.2rem .3rem;border-bottom:1px solid #e5e7eb}
details{margin-top:1.5rem}
`;

function renderPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SignInPageOptions {
  realmTitle: string;
  /** Where the form posts. */
  action: string;
  /** Name typed so far, kept after a failed attempt. */
  signInName?: string;
  /** Plain-language reason the last attempt failed. */
  error?: string;
  demoUsers: RealmUser[];
}

export function renderSignInPage(options: SignInPageOptions): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return renderPage(
    `Sign in – ${options.realmTitle}`,
    `<p class="banner"><strong>Development sign-in.</strong>
      This is the built-in development identity provider, not Keycloak. Never use it in production.</p>
<h1>Sign in to ${escapeHtml(options.realmTitle)}</h1>
${error}
<form method="post" action="${escapeHtml(options.action)}">
<label for="username">Username or email</label>
<input id="username" name="username" autocomplete="username"${options.signInName ? '' : ' autofocus'} required
  value="${escapeHtml(options.signInName ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password"${options.signInName ? ' autofocus' : ''} required>
<button type="submit">Sign in</button>
</form>
${renderDemoUsers(options.demoUsers)}`,
  );
}

function renderDemoUsers(users: RealmUser[]): string {
  const passwords = new Set(users.map((user) => user.password));
  const [sharedPassword] = passwords.size === 1 ? [...passwords] : [undefined];
  const rows = users
    .map((user) => {
      const password = sharedPassword === undefined ? `<td><code>${escapeHtml(user.password ?? '')}</code></td>` : '';
      return `<tr><td><code>${escapeHtml(user.username)}</code></td><td>${escapeHtml(user.realmRoles.join(', '))}</td>${password}</tr>`;
    })
    .join('\n');
  const passwordHeader = sharedPassword === undefined ? '<th>Password</th>' : '';
  const passwordNote =
    sharedPassword === undefined ? '' : `<p>Every demo account's password is <code>${escapeHtml(sharedPassword ?? '')}</code>.</p>`;
  return `<details open>
<summary>Demo accounts</summary>
${passwordNote}
<table>
<thead><tr><th>Username</th><th>Roles</th>${passwordHeader}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</details>`;
}

/**
 * Sign-out confirmed without asking, as Keycloak does with an id_token_hint: oidc-provider's form
 * (its xsrf token) is submitted by script with `logout=yes`; the button covers browsers without JS.
 */
export function renderSignOutPage(providerForm: string): string {
  const form = providerForm.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return renderPage(
    'Signing out',
    `<h1>Signing out…</h1>
${form}
<button type="submit" form="op.logoutForm">Continue</button>
<script>document.forms[0].submit()</script>`,
  );
}

export function renderSignedOutPage(): string {
  return renderPage('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p>');
}

export function renderErrorPage(message: string, errorCode?: string): string {
  const code = errorCode ? `<p>Error code: <code>${escapeHtml(errorCode)}</code></p>` : '';
  return renderPage(
    'Sign-in problem',
    `<p class="banner"><strong>Development sign-in.</strong> This is the built-in development identity provider.</p>
<h1>Sign-in could not continue</h1>
<p>${escapeHtml(message)}</p>
${code}
<p>Go back to the application and start signing in again.</p>`,
  );
}
