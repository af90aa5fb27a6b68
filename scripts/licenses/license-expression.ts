/**
 * SPDX licence expressions (https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/): identifiers joined
 * by AND and OR, grouped with parentheses, an optional `+` (this version or later) and `WITH <exception>`.
 * AND binds tighter than OR, as the specification says; identifiers match in any case, as it says too, and so do
 * the operators here (it asks for upper case, but a package writing "MIT or ISC" means the same).
 * A small parser of our own: no installed package parses them, and the grammar is a dozen lines.
 */

export type LicenseExpression =
  | { kind: 'license'; id: string; orLater: boolean; exception?: string }
  | { kind: 'and' | 'or'; left: LicenseExpression; right: LicenseExpression };

/** The text is not an SPDX expression (a free-form name such as "BSD" still parses, as an identifier nobody allows). */
export class LicenseExpressionError extends Error {
  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`"${expression}" is not an SPDX licence expression: ${reason}`);
    this.name = 'LicenseExpressionError';
  }
}

const TOKEN = /\s*(\(|\)|[A-Za-z0-9.\-:]+\+?)/y;

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match?.[1]) throw new LicenseExpressionError(expression, `unexpected "${expression.slice(TOKEN.lastIndex).trim()}"`);
    tokens.push(match[1]);
  }
  return tokens;
}

export function parseLicenseExpression(expression: string): LicenseExpression {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const keyword = (word: string) => peek()?.toUpperCase() === word;

  const parseOr = (): LicenseExpression => {
    let left = parseAnd();
    while (keyword('OR')) {
      at += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): LicenseExpression => {
    let left = parseTerm();
    while (keyword('AND')) {
      at += 1;
      left = { kind: 'and', left, right: parseTerm() };
    }
    return left;
  };
  const parseTerm = (): LicenseExpression => {
    const token = peek();
    if (token === undefined) throw new LicenseExpressionError(expression, 'it ends where a licence was expected');
    if (token === '(') {
      at += 1;
      const inner = parseOr();
      if (peek() !== ')') throw new LicenseExpressionError(expression, 'a parenthesis is not closed');
      at += 1;
      return inner;
    }
    if (token === ')' || ['AND', 'OR', 'WITH'].includes(token.toUpperCase())) {
      throw new LicenseExpressionError(expression, `"${token}" where a licence was expected`);
    }
    at += 1;
    const orLater = token.endsWith('+');
    const license: LicenseExpression = { kind: 'license', id: orLater ? token.slice(0, -1) : token, orLater };
    if (keyword('WITH')) {
      at += 1;
      const exception = peek();
      if (exception === undefined || exception === '(' || exception === ')') {
        throw new LicenseExpressionError(expression, 'WITH is not followed by an exception');
      }
      at += 1;
      return { ...license, exception };
    }
    return license;
  };

  const parsed = parseOr();
  if (at < tokens.length) throw new LicenseExpressionError(expression, `unexpected "${tokens[at]}"`);
  return parsed;
}

export interface LicenseVerdict {
  allowed: boolean;
  /** When refused: the licences (as written, exception included) that no allowed choice avoids. */
  refused: string[];
}

/**
 * Whether a package under this expression may be used: an OR needs one allowed side (we choose that
 * licence), an AND needs both. A licence with an exception (`WITH`) is allowed only if the allowed list
 * names the whole `<id> WITH <exception>`; `+` (this version or later) lets us choose this version.
 */
export function evaluateLicenseExpression(expression: string, allowed: ReadonlySet<string>): LicenseVerdict {
  let parsed: LicenseExpression;
  try {
    parsed = parseLicenseExpression(expression);
  } catch (error) {
    if (error instanceof LicenseExpressionError) return { allowed: false, refused: [expression] };
    throw error;
  }
  // SPDX matches identifiers without regard to case.
  return evaluate(parsed, new Set([...allowed].map((license) => license.toLowerCase())));
}

function evaluate(expression: LicenseExpression, allowed: ReadonlySet<string>): LicenseVerdict {
  if (expression.kind === 'license') {
    const written = expression.exception ? `${expression.id} WITH ${expression.exception}` : expression.id;
    return allowed.has(written.toLowerCase()) ? { allowed: true, refused: [] } : { allowed: false, refused: [written] };
  }
  const left = evaluate(expression.left, allowed);
  const right = evaluate(expression.right, allowed);
  if (expression.kind === 'or') {
    return left.allowed || right.allowed
      ? { allowed: true, refused: [] }
      : { allowed: false, refused: [...left.refused, ...right.refused] };
  }
  return { allowed: left.allowed && right.allowed, refused: [...left.refused, ...right.refused] };
}
