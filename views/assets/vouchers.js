// The issuance page: with script, a form's chosen applications are issued a few at a time through the same
// route the plain form posts to (asking for JSON), and the page shows the progress and each result as it
// comes. Without script, or if a request fails, the plain form post still works.
(function () {
  'use strict';

  var CHUNK = 5;

  function csrfToken(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function resultItem(result) {
    var item = document.createElement('li');
    item.className = 'bulk-result ' + (result.issued ? 'approved' : 'refused');
    item.setAttribute('data-testid', 'issue-result');
    var reference;
    if (result.voucherId) {
      reference = document.createElement('a');
      reference.href = '/vouchers/' + result.voucherId;
    } else {
      reference = document.createElement('span');
    }
    reference.className = 'reference';
    reference.textContent = result.reference;
    item.appendChild(reference);
    item.appendChild(document.createTextNode(': ' + result.words));
    return item;
  }

  function issueInChunks(form, ids, panel) {
    var bar = panel.querySelector('progress');
    var status = panel.querySelector('[data-issue-status]');
    var list = panel.querySelector('[data-issue-results]');
    var done = 0;
    var issued = 0;
    list.textContent = '';
    bar.max = ids.length;
    bar.value = 0;
    panel.hidden = false;
    status.textContent = panel.getAttribute('data-starting') || '';
    var buttons = document.querySelectorAll('[data-issue-form] button');
    buttons.forEach(function (button) {
      button.disabled = true;
    });

    function finish() {
      buttons.forEach(function (button) {
        button.disabled = false;
      });
      status.textContent = (panel.getAttribute('data-finished') || '')
        .replace('{issued}', String(issued))
        .replace('{refused}', String(done - issued));
      panel.focus();
    }

    function next(start) {
      if (start >= ids.length) return finish();
      var body = new URLSearchParams();
      ids.slice(start, start + CHUNK).forEach(function (id) {
        body.append('items', id);
      });
      return fetch('/vouchers/issue', {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken(form) },
        body: body,
        credentials: 'same-origin',
      })
        .then(function (response) {
          if (!response.ok) throw new Error('status ' + response.status);
          return response.json();
        })
        .then(function (answer) {
          answer.results.forEach(function (result) {
            done += 1;
            if (result.issued) issued += 1;
            list.appendChild(resultItem(result));
            var row = document.querySelector('[data-application-id="' + result.applicationId + '"]');
            if (row && result.issued) row.remove();
          });
          bar.value = done;
          status.textContent = (panel.getAttribute('data-progress') || '')
            .replace('{done}', String(done))
            .replace('{total}', String(ids.length));
          return next(start + CHUNK);
        });
    }

    return next(0).catch(function () {
      // The rest goes by the plain form: the server reports what was already issued as issued.
      form.submit();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.querySelector('[data-issue-progress]');
    if (!panel || !window.fetch) return;
    document.querySelectorAll('[data-issue-form]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        var ids = new FormData(form).getAll('items');
        if (ids.length === 0) return;
        event.preventDefault();
        issueInChunks(form, ids, panel);
      });
    });
  });
})();
