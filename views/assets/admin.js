// Program administration pages: editable code/label lists and htmx error handling. Kept in a file so
// the strict CSP needs no inline script. What a swap says and where focus goes: in-page-updates.js.
(function () {
  'use strict';

  function renumber(list) {
    // Ids must stay unique once rows are copied from the template.
    var rows = list.querySelectorAll('[data-rows] [data-row]');
    var prefix = list.getAttribute('data-rows-for');
    // Lists of one kind on several forms (the stages' checklists) name their ids from their own base.
    var idBase = list.getAttribute('data-id-base') || prefix;
    rows.forEach(function (row, index) {
      row.querySelectorAll('input').forEach(function (input) {
        var part = input.name === prefix + 'Code' ? 'code' : 'label';
        var id = idBase + '-' + index + '-' + part;
        var label = row.querySelector('label[for="' + input.id + '"]');
        if (label) label.setAttribute('for', id);
        input.id = id;
      });
    });
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var add = target.closest('[data-add-row]');
    if (add) {
      var list = add.closest('[data-rows-for]');
      var template = list.querySelector('template[data-row-template]');
      var row = template.content.firstElementChild.cloneNode(true);
      list.querySelector('[data-rows]').appendChild(row);
      renumber(list);
      row.querySelector('input').focus();
      return;
    }
    var remove = target.closest('[data-remove-row]');
    if (remove) {
      var owner = remove.closest('[data-rows-for]');
      var rows = owner.querySelector('[data-rows]');
      remove.closest('[data-row]').remove();
      if (!rows.querySelector('[data-row]')) {
        rows.appendChild(owner.querySelector('template[data-row-template]').content.firstElementChild.cloneNode(true));
      }
      renumber(owner);
      owner.querySelector('[data-add-row]').focus();
    }
  });

  function requestError(message) {
    var box = document.getElementById('admin-request-error');
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
    // Nothing was swapped: focus the message, so a keyboard user is not left on a control that did nothing.
    if (window.InPageUpdates) {
      window.InPageUpdates.announce(message);
      window.InPageUpdates.focusOn(box);
    }
  }

  // A refused form (400) or a stale version (409) comes back as a fragment with the messages: show it.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener('htmx:beforeRequest', function () {
    var box = document.getElementById('admin-request-error');
    if (box) box.hidden = true;
  });

  // The words are the page's, in its language (data-message-* on the box, views/admin/_assets.njk).
  function messageFor(name, status) {
    var box = document.getElementById('admin-request-error');
    var text = (box && box.getAttribute('data-message-' + name)) || '';
    return text.replace('{status}', String(status));
  }

  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr.status;
    requestError(status === 403 ? messageFor('expired') : messageFor('failed', status));
  });

  document.addEventListener('htmx:sendError', function () {
    requestError(messageFor('unreachable'));
  });

  // After a swap, focus-messages.js moves focus to the new message (data-focus-on-load).
})();
