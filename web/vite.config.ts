/**
 * Vite build of the web front end: `npm run build` (= vite build --config
 * web/vite.config.ts) from the repository root writes web/dist, which the API
 * server serves (api/server.ts).
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Swagger UI files that /api/docs loads from /vendor/swagger-ui/ (init.js lives in public/). */
const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;
const SWAGGER_UI_URL = '/vendor/swagger-ui/';

function swaggerUiFile(name: string): string {
  // Resolved through Node rather than a fixed node_modules path, so hoisting does not matter.
  return require.resolve(`swagger-ui-dist/${name}`);
}

/**
 * Serves the Swagger UI assets from our own origin (the network is closed, no
 * CDN): copied into dist at build, answered from node_modules by the dev server.
 */
function swaggerUiAssets(): Plugin {
  let outDir = '';
  return {
    name: 'iken:swagger-ui-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const target = path.join(outDir, 'vendor', 'swagger-ui');
      await mkdir(target, { recursive: true });
      await Promise.all(SWAGGER_UI_FILES.map((name) => copyFile(swaggerUiFile(name), path.join(target, name))));
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const name = req.url?.startsWith(SWAGGER_UI_URL) ? req.url.slice(SWAGGER_UI_URL.length) : '';
        if (!SWAGGER_UI_FILES.includes(name as (typeof SWAGGER_UI_FILES)[number])) return next();
        res.setHeader('Content-Type', name.endsWith('.css') ? 'text/css' : 'text/javascript');
        res.end(await readFile(swaggerUiFile(name)));
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [swaggerUiAssets()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    rolldownOptions: { input: path.join(webRoot, 'index.html') },
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start` (port 8787).
    proxy: { '/api': 'http://localhost:8787' },
  },
});
