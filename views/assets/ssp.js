// Self-Service Portal behaviour (no inline scripts under the CSP): upload progress and size check,
// send-once forms, confirmations, focus on error summaries, and messages when an htmx request fails.
(function () {
  'use strict';

  /** A form field changed since the page was loaded or a form was last sent (see the beforeunload guard). */
  var unsaved = false;

  function closestForm(element) {
    return element && element.closest ? element.closest('form') : null;
  }

  function showProblem(form, message) {
    var slot = form && form.querySelector('[data-client-error]');
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    } else {
      window.alert(message);
    }
  }

  function uploadParts(form) {
    return {
      box: form.querySelector('.upload-progress'),
      bar: form.querySelector('.upload-progress progress'),
      percent: form.querySelector('.upload-percent'),
    };
  }

  // Before sending: refuse a file over the cap here (no point sending it on a slow network), then show the bar.
  document.addEventListener('htmx:beforeRequest', function (event) {
    var form = closestForm(event.target);
    if (!form) return;
    var slot = form.querySelector('[data-client-error]');
    if (slot) slot.hidden = true;
    if (!form.hasAttribute('data-upload')) return;
    var input = form.querySelector('input[type="file"]');
    var file = input && input.files && input.files[0];
    var max = Number(form.getAttribute('data-max-bytes'));
    if (file && max && file.size > max) {
      event.preventDefault();
      showProblem(form, form.getAttribute('data-too-large'));
      return;
    }
    var parts = uploadParts(form);
    if (parts.box) parts.box.hidden = false;
    if (parts.bar) parts.bar.value = 0;
    if (parts.percent) parts.percent.textContent = '0%';
  });

  // htmx reports the upload's and then the answer's progress; the bar only moves forward.
  document.addEventListener('htmx:xhr:progress', function (event) {
    var form = closestForm(event.target);
    if (!form || !form.hasAttribute('data-upload')) return;
    var detail = event.detail || {};
    if (!detail.lengthComputable || !detail.total) return;
    var value = Math.round((detail.loaded / detail.total) * 100);
    var parts = uploadParts(form);
    if (parts.bar && value > parts.bar.value) {
      parts.bar.value = value;
      parts.bar.textContent = value + '%';
      if (parts.percent) parts.percent.textContent = value + '%';
    }
  });

  // An upload over the cap is answered 413 with the documents panel and its message next to the file field.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail && event.detail.xhr;
    var form = closestForm(event.target);
    if (xhr && xhr.status === 413 && form && form.hasAttribute('data-upload')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
    var message =
      status === 403
        ? 'This page has expired. Reload the page and try again.'
        : status === 404
          ? 'This application could not be found. Go back to the Self-Service Portal.'
          : 'That did not work. Please try again in a moment.';
    showProblem(closestForm(event.target), message);
  });

  document.addEventListener('htmx:sendError', function (event) {
    showProblem(closestForm(event.target), 'No connection. Check your internet connection and try again; what you entered is still here.');
  });

  // A second tap on "Send application" or "Apply" does nothing here; the server also answers a repeated send with the first result.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    unsaved = false;
    if (!form.hasAttribute('data-submit-once')) return;
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    var button = form.querySelector('button[type="submit"]');
    var busy = form.getAttribute('data-busy-label');
    if (button) {
      button.setAttribute('aria-disabled', 'true');
      if (busy) {
        button.setAttribute('data-label', button.textContent);
        button.textContent = busy;
      }
    }
  });

  // Coming back with the browser's back button: the form may be used again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      form.removeAttribute('data-submitting');
      var button = form.querySelector('button[type="submit"]');
      if (button) {
        button.removeAttribute('aria-disabled');
        if (button.hasAttribute('data-label')) button.textContent = button.getAttribute('data-label');
      }
    });
  });

  // Leaving a page with unsaved changes asks first: set when a form field changes, cleared when a form is sent.
  // A page shown again with refused answers (aria-invalid) holds typing that was not saved either.
  function markChanged(event) {
    var field = event.target;
    if (field && field.form && !field.form.hasAttribute('data-no-unsaved-guard')) unsaved = true;
  }
  document.addEventListener('input', markChanged);
  document.addEventListener('change', markChanged);
  function markRefused() {
    if (document.querySelector('form [aria-invalid="true"]')) unsaved = true;
  }
  document.addEventListener('htmx:afterSwap', markRefused);
  window.addEventListener('beforeunload', function (event) {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = '';
  });

  // Focus moves to the list of problems in focus-messages.js, shared with the admin pages.
  document.addEventListener('DOMContentLoaded', markRefused);
})();
