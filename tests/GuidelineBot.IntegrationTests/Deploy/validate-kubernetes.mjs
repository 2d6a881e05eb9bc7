// Validates Kubernetes objects against the Kubernetes OpenAPI schema with the npm package kubernetes-models.
//   node validate-kubernetes.mjs <node_modules folder> <objects.json (a JSON array)>
// Prints one line per object ("ok Kind/name" or "invalid Kind/name: why") and exits 1 when any is invalid or unknown.
import { readFileSync, existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);
const objects = JSON.parse(readFileSync(file, "utf8"));
let failed = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const model = `${modules}/kubernetes-models/${object.apiVersion}/${object.kind}.js`;
  if (!existsSync(model)) {
    console.log(`invalid ${name}: no model for ${object.apiVersion} ${object.kind}`);
    failed++;
    continue;
  }
  const { [object.kind]: Model } = await import(pathToFileURL(model).href);
  try {
    new Model(object).validate();
    console.log(`ok ${name}`);
  } catch (error) {
    console.log(`invalid ${name}: ${error.message}`);
    failed++;
  }
}
process.exit(failed === 0 && objects.length > 0 ? 0 : 1);
