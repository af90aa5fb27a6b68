/*
 * The public scanner page. With a network, a code (read by the camera or from a photo, qr-reader.js, or
 * pasted) is checked by the service's verification API; without one, in this browser by the offline verifier
 * (/scan/verifier.js) against the trust bundle kept from the last visit online (issuer keys, QR type table,
 * signed status lists), and the verdict says how old those statuses are. The page registers the service
 * worker that keeps it and its scripts for offline use. Without JavaScript the form posts to the service.
 */
(function () {
  'use strict';
  var STORE = 'iaod.scan.trust';
  var wordsElement = document.getElementById('scan-words');
  var form = document.querySelector('[data-scan-form]');
  if (!wordsElement || !form) return;
  var words = JSON.parse(wordsElement.textContent);
  var field = form.querySelector('textarea[name="code"]');
  var fieldBox = form.querySelector('[data-code-field]');
  var errorBox = form.querySelector('[data-code-error]');
  var errorText = form.querySelector('[data-code-error-text]');
  var result = document.querySelector('[data-scan-result]');
  var readiness = document.querySelector('[data-offline-readiness]');

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(words.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  function formatAge(iso) {
    var seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
    var relative = new Intl.RelativeTimeFormat(words.language, { numeric: 'auto' });
    if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
    if (seconds < 86400) return relative.format(-Math.floor(seconds / 3600), 'hour');
    return relative.format(-Math.floor(seconds / 86400), 'day');
  }

  function formatMoney(amount, currency) {
    try {
      return new Intl.NumberFormat(words.language, { style: 'currency', currency: currency }).format(Number(amount));
    } catch (error) {
      return amount + ' ' + currency;
    }
  }

  function savedBundle() {
    try {
      var bundle = JSON.parse(window.localStorage.getItem(STORE) || 'null');
      return bundle && typeof bundle.generatedAt === 'string' ? bundle : null;
    } catch (error) {
      return null;
    }
  }

  function showReadiness(bundle) {
    readiness.hidden = false;
    readiness.textContent = bundle
      ? fill(words.ready, { time: formatTime(bundle.generatedAt), age: formatAge(bundle.generatedAt) })
      : words.notReady;
  }

  function refreshBundle() {
    fetch('/scan/trust.json', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (bundle) {
        if (bundle && typeof bundle.generatedAt === 'string') {
          try {
            window.localStorage.setItem(STORE, JSON.stringify(bundle));
          } catch (error) {
            // Storage full or refused: the page still checks online.
          }
        }
        showReadiness(savedBundle());
      })
      .catch(function () {
        showReadiness(savedBundle());
      });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function section(heading, id) {
    var box = element('section', { class: 'card', 'aria-labelledby': id });
    box.appendChild(element('h2', { id: id }, heading));
    return box;
  }

  function drawChecks(verdict) {
    var box = section(words.checksHeading, 'checks-heading');
    var list = element('ul', { class: 'checks', 'data-testid': 'checks' });
    verdict.checks.forEach(function (check) {
      var item = element('li', { class: 'check ' + (check.passed ? 'passed' : 'failed'), 'data-testid': 'check' });
      item.appendChild(element('span', { class: 'check-name' }, words.checks[check.check] || check.check));
      item.appendChild(document.createTextNode(': '));
      var failure = check.code && words.failures[check.code];
      if (check.passed) item.appendChild(document.createTextNode(words.passed));
      else {
        item.appendChild(element('strong', {}, failure ? failure.title : check.title || check.code));
        if (failure) item.appendChild(document.createTextNode('. ' + failure.explanation));
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function drawFacts(voucher) {
    var box = section(words.voucherHeading, 'voucher-heading');
    var list = element('dl', { class: 'facts', 'data-testid': 'eligibility' });
    [
      ['name', voucher.name],
      ['program', voucher.program],
      ['treatment', voucher.treatmentType],
      ['amount', formatMoney(voucher.amount, voucher.currency)],
      ['validUntil', formatTime(voucher.validUntil)],
      ['reference', voucher.applicationReference],
    ].forEach(function (fact) {
      var row = element('div', {});
      row.appendChild(element('dt', {}, words.facts[fact[0]]));
      row.appendChild(element('dd', {}, fact[1]));
      list.appendChild(row);
    });
    box.appendChild(list);
    return box;
  }

  /** The verdict, as the service renders it (_scan-result.njk); `statusAsOf` when checked in the browser. */
  function draw(verdict, statusAsOf) {
    result.textContent = '';
    var box = element('div', {
      class: 'verdict ' + (verdict.verified ? 'valid' : 'invalid'),
      role: 'status',
      tabindex: '-1',
      'data-testid': 'verdict',
    });
    box.appendChild(element('p', { class: 'verdict-words' }, verdict.verified ? words.valid : words.invalid));
    if (!verdict.verified) box.appendChild(element('p', {}, words.doNotServe));
    if (statusAsOf) {
      var note = fill(words.offlineNote, { time: formatTime(statusAsOf), age: formatAge(statusAsOf) });
      box.appendChild(element('p', { class: 'offline-note', 'data-testid': 'offline-note' }, note));
    }
    result.appendChild(box);
    result.appendChild(drawChecks(verdict));
    if (verdict.voucher) result.appendChild(drawFacts(verdict.voucher));
    box.focus();
  }

  function showError(message) {
    result.textContent = '';
    errorText.textContent = message;
    errorBox.hidden = false;
    fieldBox.classList.add('has-error');
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'f-code-hint f-code-error');
    errorBox.focus();
  }

  function clearError() {
    errorBox.hidden = true;
    fieldBox.classList.remove('has-error');
    field.removeAttribute('aria-invalid');
    field.setAttribute('aria-describedby', 'f-code-hint');
  }

  function loadVerifier() {
    if (window.IaodOfflineVerifier) return Promise.resolve(window.IaodOfflineVerifier);
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = '/scan/verifier.js';
      script.onload = function () {
        if (window.IaodOfflineVerifier) resolve(window.IaodOfflineVerifier);
        else reject(new Error('no verifier'));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function checkOffline(text) {
    var bundle = savedBundle();
    if (!bundle) return showError(words.cannotCheck);
    loadVerifier()
      .then(function (verifier) {
        return verifier.verifyOffline(text, bundle);
      })
      .then(function (verdict) {
        draw(verdict, bundle.generatedAt);
      })
      .catch(function () {
        showError(words.cannotCheck);
      });
  }

  function check(text) {
    clearError();
    if (!text) return showError(words.codeMissing);
    if (navigator.onLine === false) return checkOffline(text);
    fetch('/api/v1/verifications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ text: text }),
    }).then(
      function (response) {
        if (response.ok)
          return response.json().then(function (verdict) {
            draw(verdict, null);
          });
        return response.json().then(
          function (problem) {
            showError(problem && problem.title ? problem.title : words.failedOnline);
          },
          function () {
            showError(words.failedOnline);
          },
        );
      },
      // No answer at all: the network is gone (or the service is): check here.
      function () {
        checkOffline(text);
      },
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    check(field.value.trim());
  });
  if (window.IaodQrReader)
    window.IaodQrReader.attach(document.querySelector('[data-scanner]'), function (text) {
      field.value = text;
      check(text);
    });
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/scan-sw.js', { scope: '/scan' }).catch(function () {});
  refreshBundle();
})();
