/**
 * The console's build: hashed, code-split files under dist/assets (the gateway
 * caches them for a year) and one index.html (never cached). Pages load on
 * demand; the chart library only with the pages that draw charts.
 */
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    manifest: true,
    chunkSizeWarningLimit: 300,
  },
  oxc: { jsx: { runtime: "automatic" } },
});
