/**
 * The web bundle: React + OpenLayers, built into apps/web/dist, which the server serves at `/`.
 * In development `vite` proxies /api to a running server (FOVEA_DEV_API, default :4080).
 * Vitest runs the component tests in jsdom with the same resolution as the build.
 */
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // OpenLayers alone is ~400 kB minified; one lazy chunk per heavy feature keeps the first paint small.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // @fovea/client reads local files with a lazy `import("node:fs")` on paths only Node callers
      // pass; the browser never takes that branch, so the import is left as it is.
      external: ["node:fs"],
    },
  },
  server: {
    proxy: { "/api": process.env.FOVEA_DEV_API ?? "http://127.0.0.1:4080" },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
