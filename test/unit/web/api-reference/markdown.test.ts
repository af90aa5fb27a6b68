import { describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../../../src/web/api-reference/markdown.js';

describe('the Markdown of the contract on the reference page', () => {
  it('renders paragraphs, lists, code, bold and links', () => {
    expect(renderMarkdown('**Roles.** Send `Authorization: Bearer <token>`.\n\n- one\n- [two](/problems)')).toBe(
      '<p><strong>Roles.</strong> Send <code>Authorization: Bearer &#60;token&#62;</code>.</p>\n' +
        '<ul><li>one</li><li><a href="/problems">two</a></li></ul>',
    );
  });

  it('escapes markup and links no address but a relative, fragment or http(s) one', () => {
    expect(renderMarkdown('<script>alert(1)</script> [x](javascript:alert(1)) [y]("onmouseover=1)')).toBe(
      '<p>&#60;script&#62;alert(1)&#60;/script&#62; [x](javascript:alert(1)) [y](&#34;onmouseover=1)</p>',
    );
  });

  it('renders nothing for no description', () => {
    expect(renderMarkdown(undefined)).toBe('');
  });
});
