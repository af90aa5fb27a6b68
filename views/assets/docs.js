// Starts Swagger UI on the service's own spec; kept in a file so the CSP needs no inline script.
window.addEventListener('load', function () {
  var element = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: element.getAttribute('data-spec-url'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
  });
});
