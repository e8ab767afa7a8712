// Starts Swagger UI on the server's /api/docs page, which loads this file
// after swagger-ui-bundle.js (both served from our own origin).
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
