// Validates CloudNativePG objects against the CRD schemas of CloudNativePG (npm @kubernetes-models/cloudnative-pg):
// types, enums, required fields. Reads a JSON array of objects from the file given as argument; prints one line per
// problem and exits 1 if there is any. Used by deploy/k8s ManifestsTest.
import { readFileSync } from 'node:fs';
import * as cnpg from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let problems = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const Model = cnpg[object.kind];
  if (object.apiVersion !== 'postgresql.cnpg.io/v1' || typeof Model !== 'function') {
    console.log(`${name}: no CloudNativePG model for ${object.apiVersion} ${object.kind}`);
    problems++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`${name}: valid`);
  } catch (e) {
    console.log(`${name}: ${e.message}`);
    problems++;
  }
}
process.exit(problems === 0 ? 0 : 1);
