/// <reference types="vite/client" />
// Vite's types for the web code: CSS imports, import.meta.env.
