import { describe, expect, it } from '@jest/globals';
import { ALLOWED_LICENSES } from '../../../scripts/licenses/allowed-licenses.js';
import { evaluateLicenseExpression, LicenseExpressionError, parseLicenseExpression } from '../../../scripts/licenses/license-expression.js';

const judge = (expression: string) => evaluateLicenseExpression(expression, ALLOWED_LICENSES);

describe('judging an SPDX licence expression against the allowed licences', () => {
  it('allows a single permissive licence', () => {
    expect(judge('MIT')).toEqual({ allowed: true, refused: [] });
  });

  it('allows an OR when one choice is allowed: we take that licence', () => {
    expect(judge('GPL-3.0-only OR MIT')).toEqual({ allowed: true, refused: [] });
  });

  it('refuses an AND when one part is refused, naming that part', () => {
    expect(judge('MIT AND GPL-3.0-or-later')).toEqual({ allowed: false, refused: ['GPL-3.0-or-later'] });
  });

  it('refuses an OR whose every choice is refused, naming each', () => {
    expect(judge('AGPL-3.0-only OR SSPL-1.0')).toEqual({ allowed: false, refused: ['AGPL-3.0-only', 'SSPL-1.0'] });
  });

  it('reads parentheses: an allowed group beside a refused licence', () => {
    expect(judge('(MIT AND Zlib) OR GPL-2.0-only')).toEqual({ allowed: true, refused: [] });
    expect(judge('MIT AND (GPL-2.0-only OR BSD-3-Clause)')).toEqual({ allowed: true, refused: [] });
    expect(judge('Apache-2.0 AND (GPL-2.0-only OR LGPL-3.0-only)')).toEqual({ allowed: false, refused: ['GPL-2.0-only', 'LGPL-3.0-only'] });
  });

  it('binds AND tighter than OR, as the SPDX specification says', () => {
    // MIT OR (GPL AND Apache): allowed through MIT. Read left to right it would be (MIT OR GPL) AND Apache, also
    // allowed; the reverse case tells them apart.
    expect(parseLicenseExpression('MIT OR GPL-2.0-only AND Apache-2.0')).toEqual({
      kind: 'or',
      left: { kind: 'license', id: 'MIT', orLater: false },
      right: {
        kind: 'and',
        left: { kind: 'license', id: 'GPL-2.0-only', orLater: false },
        right: { kind: 'license', id: 'Apache-2.0', orLater: false },
      },
    });
    expect(judge('GPL-2.0-only AND ISC OR MIT')).toEqual({ allowed: true, refused: [] });
  });

  it('refuses a licence nobody knows, and a name that is not an SPDX identifier', () => {
    expect(judge('Acme-Proprietary-1.0')).toEqual({ allowed: false, refused: ['Acme-Proprietary-1.0'] });
    expect(judge('UNLICENSED')).toEqual({ allowed: false, refused: ['UNLICENSED'] });
    expect(judge('Apache 2.0').allowed).toBe(false);
  });

  it('refuses a licence with an exception unless the whole pair is allowed', () => {
    expect(judge('GPL-2.0-only WITH Classpath-exception-2.0')).toEqual({
      allowed: false,
      refused: ['GPL-2.0-only WITH Classpath-exception-2.0'],
    });
    expect(
      evaluateLicenseExpression('GPL-2.0-only WITH Classpath-exception-2.0', new Set(['GPL-2.0-only WITH Classpath-exception-2.0']))
        .allowed,
    ).toBe(true);
  });

  it('allows "this version or later" of an allowed licence: we choose this version', () => {
    expect(judge('MPL-2.0+')).toEqual({ allowed: true, refused: [] });
  });

  it('refuses text that is not an expression instead of guessing', () => {
    for (const broken of ['', 'MIT OR', '(MIT', 'MIT)', 'AND MIT', 'MIT WITH', 'MIT, ISC']) {
      expect(judge(broken)).toEqual({ allowed: false, refused: [broken] });
      expect(() => parseLicenseExpression(broken)).toThrow(LicenseExpressionError);
    }
  });

  it('reads identifiers and operators in any case', () => {
    expect(judge('GPL-3.0-only or mit')).toEqual({ allowed: true, refused: [] });
    expect(judge('apache-2.0 and gpl-3.0-only')).toEqual({ allowed: false, refused: ['gpl-3.0-only'] });
  });
});
