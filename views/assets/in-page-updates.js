// After an htmx swap: say what happened through the page's one live region and move focus to what changed,
// so keyboard and screen-reader users are not left on the page body. Loaded by the layout for every portal.
//
// The server says both in the fragment it sends: `data-announce` (the outcome in words) and `data-focus` (the
// id of the changed item or of its message) on the fragment's root element. Attributes rather than an
// HX-Trigger header: the text is rendered and escaped with the fragment it describes, by the same template
// that serves the page without JavaScript, and no header can carry it apart from the content it speaks of.
//
// The live region (#live-region in layout.njk) sits outside every swap target: a region that is itself
// replaced is a new node that screen readers have not been listening to, and its text is often not read.
(function () {
  'use strict';

  var FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

  function liveRegion() {
    return document.getElementById('live-region');
  }

  /** Puts `text` in the live region; emptied before each request, so the same words said twice are heard twice. */
  function announce(text) {
    var region = liveRegion();
    if (region) region.textContent = text || '';
  }

  /** Focuses `element`, making it focusable by script only (tabindex -1) when it is not a control. */
  function focusOn(element) {
    if (!element || !element.isConnected) return false;
    if (!element.matches(FOCUSABLE)) element.setAttribute('tabindex', '-1');
    element.focus();
    return document.activeElement === element;
  }

  document.addEventListener('htmx:beforeRequest', function () {
    announce('');
  });

  // htmx fires afterSwap on each swapped-in element (for an outerHTML swap: the new root).
  document.addEventListener('htmx:afterSwap', function (event) {
    var root = event.target;
    if (!(root instanceof Element) || !root.hasAttribute('data-announce')) return;
    announce(root.getAttribute('data-announce'));
    var id = root.getAttribute('data-focus');
    // Without a named target: the first refused field (its message is its description), else the section's heading.
    var target = (id && document.getElementById(id)) || root.querySelector('[aria-invalid="true"]') || root.querySelector('h2, h3') || root;
    focusOn(target);
    // Said once: a later swap elsewhere must not repeat it. The fragment chose where focus goes, so the
    // messages in it that would take focus on their own (focus-messages.js) give way.
    root.removeAttribute('data-announce');
    root.removeAttribute('data-focus');
    root.querySelectorAll('[data-focus-on-load]').forEach(function (element) {
      element.removeAttribute('data-focus-on-load');
    });
    if (event.detail) event.detail.focusPlaced = true;
  });

  window.InPageUpdates = { announce: announce, focusOn: focusOn };
})();
