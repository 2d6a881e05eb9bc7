// Lints a Dockerfile with the npm package dockerfile-utils (its validate()).
//   node lint-dockerfile.mjs <node_modules folder> <Dockerfile>
// Prints one line per problem ("line: error|warning: message") and exits 1 when there is any.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);
const utils = await import(pathToFileURL(`${modules}/dockerfile-utils/lib/main.js`).href);
const diagnostics = utils.validate(readFileSync(file, "utf8"));
for (const d of diagnostics) {
  console.log(`${d.range.start.line + 1}: ${d.severity === 1 ? "error" : "warning"}: ${d.message}`);
}
process.exit(diagnostics.length === 0 ? 0 : 1);
