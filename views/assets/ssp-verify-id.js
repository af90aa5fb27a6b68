/*
 * "Verify your ID" in the Self-Service Portal, on top of a form that works without it: the QR code of the ID is read
 * on this device from the camera or a photo (qr-reader.js, jsQR), and only its text is put in the form. A Claim 169
 * code is decoded here too (IaodIdPreview, the identity module's browser code) and its fields shown, "This ID says",
 * until the applicant sends it; a code this device cannot read (a credential, an encrypted or damaged code) is sent
 * at once. The photo never leaves the phone; the server checks the text again.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-id-form]');
  if (!form || !window.IaodQrReader) return;
  var field = form.querySelector('textarea[name="code"]');
  var preview = document.querySelector('[data-id-preview]');
  var FIELDS = [
    ['idNumber', 'id-number'],
    ['givenName', 'given-name'],
    ['familyName', 'family-name'],
    ['birthDate', 'birth-date'],
    ['gender', 'gender'],
    ['address', 'address'],
  ];

  function send() {
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }

  function show(fields) {
    var list = preview.querySelector('[data-preview-fields]');
    list.textContent = '';
    FIELDS.forEach(function (entry) {
      var value = fields[entry[0]];
      if (!value) return;
      if (entry[0] === 'gender') value = preview.getAttribute('data-gender-' + value) || value;
      var term = document.createElement('dt');
      term.textContent = preview.getAttribute('data-label-' + entry[1]) || entry[0];
      var detail = document.createElement('dd');
      detail.textContent = value;
      if (entry[0] === 'idNumber') detail.setAttribute('data-testid', 'id-preview-number');
      list.appendChild(term);
      list.appendChild(detail);
    });
    preview.hidden = false;
    preview.querySelector('h2').focus();
  }

  window.IaodQrReader.attach(document.querySelector('[data-scanner]'), function (text) {
    field.value = text;
    var reader = window.IaodIdPreview;
    if (!preview || !reader || typeof reader.previewIdQr !== 'function') return send();
    reader.previewIdQr(text).then(function (fields) {
      if (fields) show(fields);
      else send();
    }, send);
  });
})();
