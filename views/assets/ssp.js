// Self-Service Portal behaviour (no inline scripts under the CSP): upload progress and size check,
// send-once forms, confirmations, focus on error summaries, and messages when an htmx request fails.
// What an htmx swap says and where focus goes after it is in-page-updates.js (loaded by the layout).
(function () {
  'use strict';

  /** A form field changed since the page was loaded or a form was last sent (see the beforeunload guard). */
  var unsaved = false;

  /**
   * The page's words for what this script says (views/ssp/layout.njk puts them in its language on the portal's root
   * as data-message-*); an empty string when a page lacks one.
   */
  function pageMessage(name) {
    var root = document.querySelector('.ssp');
    return (root && root.getAttribute('data-message-' + name)) || '';
  }

  function closestForm(element) {
    return element && element.closest ? element.closest('form') : null;
  }

  function announce(message) {
    if (window.InPageUpdates) window.InPageUpdates.announce(message);
  }

  function showProblem(form, message) {
    var slot = form && form.querySelector('[data-client-error]');
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
      announce(message);
      // Nothing was swapped, and the pressed button was disabled while sending: focus the message, not the body.
      if (window.InPageUpdates) window.InPageUpdates.focusOn(slot);
    } else {
      window.alert(message);
    }
  }

  // A field's message, as the server renders it (views/ssp/_macros.njk: `#f-<name>-error` after the hint, tied
  // to the field by aria-describedby and aria-invalid). A field has one message at most: a new one replaces it.
  function clearFieldError(field) {
    var id = field.id + '-error';
    var message = document.getElementById(id);
    if (message) message.remove();
    var box = field.closest('.field');
    if (box) box.classList.remove('has-error');
    field.removeAttribute('aria-invalid');
    var described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (part) {
      return part && part !== id;
    });
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }

  function showFieldError(field, text) {
    clearFieldError(field);
    var message = document.createElement('p');
    message.className = 'error-message';
    message.id = field.id + '-error';
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = pageMessage('error-prefix');
    message.appendChild(prefix);
    message.appendChild(document.createTextNode(text));
    var box = field.closest('.field');
    if (box) box.classList.add('has-error');
    field.parentNode.insertBefore(message, field);
    field.setAttribute('aria-invalid', 'true');
    var described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', (described ? described + ' ' : '') + message.id);
    announce(text);
    return message;
  }

  /** The chosen file's size against the cap; answers the message shown, or null when the file may be sent. */
  function checkChosenFile(form) {
    var input = form.querySelector('input[type="file"]');
    if (!input) return null;
    clearFieldError(input);
    var file = input.files && input.files[0];
    var max = Number(form.getAttribute('data-max-bytes'));
    if (file && max && file.size > max) return showFieldError(input, form.getAttribute('data-too-large'));
    return null;
  }

  // A new choice of file: the old file's message no longer applies; a file over the cap is said at once.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    var form = closestForm(input);
    if (form && form.hasAttribute('data-upload')) checkChosenFile(form);
  });

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
    // A new attempt: the last attempt's messages go; the server's answer brings this one's.
    form.querySelectorAll('[aria-invalid="true"]').forEach(clearFieldError);
    var refused = checkChosenFile(form);
    if (refused) {
      event.preventDefault();
      if (window.InPageUpdates) window.InPageUpdates.focusOn(refused);
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
    var text = status === 403 ? pageMessage('expired') : status === 404 ? pageMessage('not-found') : pageMessage('failed');
    showProblem(closestForm(event.target), text);
  });

  document.addEventListener('htmx:sendError', function (event) {
    showProblem(closestForm(event.target), pageMessage('offline'));
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

  // A cost above the program's maximum is allowed: the note under the field says so while it is typed.
  // Read as the server reads it (1200, 1,200.50, 1 200, 1200,50); anything else gets no note.
  function readAmount(text) {
    var value = text.replace(/[\s\u00a0]/g, '');
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '');
    else if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(',', '.');
    return /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  }
  document.addEventListener('input', function (event) {
    var field = event.target;
    var check = field && field.closest ? field.closest('[data-cost-check]') : null;
    var note = check && check.querySelector('.field-note');
    if (!note || field.tagName !== 'INPUT') return;
    var over = readAmount(field.value) > Number(check.getAttribute('data-max-amount'));
    var text = over ? check.getAttribute('data-over-maximum-note') : '';
    if (note.textContent !== text) note.textContent = text;
  });

  // Focus moves to the list of problems in focus-messages.js, shared with the admin pages.
  document.addEventListener('DOMContentLoaded', markRefused);
})();
