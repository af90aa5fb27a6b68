// Pages with forms (the portal, admin): when a page or an htmx swap brings a message that marks itself data-focus-on-load (the list
// of problems of a refused form, the outcome of an in-page change), focus moves there so a keyboard or
// screen-reader user (and a small screen) starts at it. Each mark is used once, so a later swap elsewhere
// on the page does not pull focus back to an older message.
(function () {
  'use strict';

  function focusNewMessage() {
    var marked = document.querySelectorAll('[data-focus-on-load]');
    if (marked.length === 0) return;
    marked.forEach(function (element) {
      element.removeAttribute('data-focus-on-load');
    });
    marked[0].focus();
  }

  document.addEventListener('DOMContentLoaded', focusNewMessage);
  // A fragment that says where focus goes (data-focus, in-page-updates.js, which runs first) has placed it.
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail && event.detail.focusPlaced) return;
    focusNewMessage();
  });
})();
