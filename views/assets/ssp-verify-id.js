/*
 * "Verify your ID" in the Self-Service Portal, on top of a form that works without it: the QR code of the ID is read
 * on this device from the camera or a photo (qr-reader.js, jsQR), and only its text is put in the form and sent. The
 * photo never leaves the phone; the server checks the text.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-id-form]');
  if (!form || !window.IaodQrReader) return;
  var field = form.querySelector('textarea[name="code"]');
  window.IaodQrReader.attach(document.querySelector('[data-scanner]'), function (text) {
    field.value = text;
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });
})();
