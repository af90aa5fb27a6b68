// Officer pages: a form refused in place (400, 403 or 409) comes back as the panel with its messages next to
// the fields; htmx swaps only 2xx answers by default, so these are shown too (in-page-updates.js then says
// them and moves focus). Other failures keep htmx's default: nothing is swapped.
(function () {
  'use strict';

  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 403 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
