/*
 * The scanner of the Service Provider Portal, on top of a form that works without it: the text read from the
 * camera or a photo (qr-reader.js) is put in the form and sent. Nothing leaves the page but that form.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-scan-form]');
  if (!form || !window.IaodQrReader) return;
  var field = form.querySelector('textarea[name="code"]');
  window.IaodQrReader.attach(document.querySelector('[data-scanner]'), function (text) {
    field.value = text;
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });
})();
