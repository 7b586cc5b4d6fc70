/**
 * The first load of the console (the entry, what it imports, and the home
 * page it opens on) stays under 300 KB of gzip-compressed JavaScript. Reads
 * the build (turbo builds before it tests); prints the figure.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const BUDGET_BYTES = 300 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function firstLoadFiles(manifest: Record<string, ManifestChunk>, roots: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  roots.forEach(visit);
  return files;
}

describe("the console's build", () => {
  it("loads its first page with under 300 KB of compressed JavaScript; the chart library is not part of it", () => {
    const manifest = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, "utf8")) as Record<string, ManifestChunk>;
    const files = firstLoadFiles(manifest, ["index.html", "src/pages/home.tsx"]);
    const gzipped = [...files].filter((file) => file.endsWith(".js")).reduce((sum, file) => sum + gzipSync(readFileSync(`${DIST}${file}`)).length, 0);
    console.log(`console first load: ${(gzipped / 1024).toFixed(1)} KB of gzip-compressed JavaScript in ${files.size} files`);
    expect(gzipped).toBeGreaterThan(10 * 1024);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    const chartChunks = Object.entries(manifest).filter(([key]) => key.includes("node_modules/chart.js/"));
    expect(chartChunks.length, "chart.js is built into chunks of its own").toBeGreaterThan(0);
    for (const [, chunk] of chartChunks) expect(files.has(chunk.file), `${chunk.file} is not loaded first`).toBe(false);
  });
});
