// Copies the pinned front-end packages into src/samenspel/static/vendor, where Django serves them
// from its own origin. Run through `npm run build` (the Makefile does this).
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "src", "samenspel", "static", "vendor");
const files = [
  ["node_modules/@utrecht/component-library-css/dist/index.css", "utrecht/index.css"],
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
];
for (const [source, target] of files) {
  mkdirSync(dirname(join(vendor, target)), { recursive: true });
  cpSync(join(root, source), join(vendor, target));
}
console.log(`copied ${files.length} files into ${vendor}`);
