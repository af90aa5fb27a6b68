/*
 * Reads a QR code in the browser, for the scanners of the Service Provider Portal and the public scanner page:
 * the camera (where the browser has one and the person allows it) or a photo, decoded with jsQR (served by
 * this service, no CDN). `IaodQrReader.attach(scanner, onText)` wires a scanner section (data-scanner, with its
 * camera buttons, video, photo field and status line) and calls onText with the text found.
 */
(function () {
  'use strict';

  function decode(source, width, height) {
    var canvas = document.createElement('canvas');
    // Large photos are scaled down: jsQR reads a QR code well at this size and stays quick.
    var scale = Math.min(1, 1600 / Math.max(width, height));
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    var context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    return found && found.data ? found.data : null;
  }

  function attach(scanner, onText) {
    if (!scanner || typeof window.jsQR !== 'function') return false;
    var status = scanner.querySelector('[data-scanner-status]');
    var video = scanner.querySelector('[data-camera-video]');
    var start = scanner.querySelector('[data-camera-start]');
    var stop = scanner.querySelector('[data-camera-stop]');
    var photo = scanner.querySelector('[data-photo]');
    var stream = null;
    scanner.hidden = false;

    function say(key) {
      status.textContent = status.getAttribute('data-' + key) || '';
    }

    function use(text) {
      say('found');
      stopCamera();
      onText(text);
    }

    photo.addEventListener('change', function () {
      var file = photo.files && photo.files[0];
      if (!file) return;
      say('reading');
      // Read as a data: URL (the page's policy allows images from data:, not blob:).
      var reader = new FileReader();
      reader.onload = function () {
        var image = new Image();
        image.onload = function () {
          var text = decode(image, image.naturalWidth, image.naturalHeight);
          if (text) use(text);
          else say('none');
        };
        image.onerror = function () {
          say('none');
        };
        image.src = String(reader.result);
      };
      reader.onerror = function () {
        say('none');
      };
      reader.readAsDataURL(file);
    });

    function stopCamera() {
      if (stream)
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
      stream = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }

    function frame() {
      if (!stream) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        var text = decode(video, video.videoWidth, video.videoHeight);
        if (text) return use(text);
      }
      window.setTimeout(frame, 250);
    }

    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      start.hidden = true;
    } else {
      start.addEventListener('click', function () {
        navigator.mediaDevices
          .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
          .then(function (media) {
            stream = media;
            video.srcObject = media;
            video.hidden = false;
            stop.hidden = false;
            start.hidden = true;
            say('reading');
            return video.play().then(frame);
          })
          .catch(function () {
            stopCamera();
            say('noCamera');
          });
      });
      stop.addEventListener('click', stopCamera);
    }
    return true;
  }

  window.IaodQrReader = { attach: attach };
})();
