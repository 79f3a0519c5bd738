// Validates the Prometheus Operator objects (npm @kubernetes-models/prometheus-operator: the CRD schemas) and parses
// PromQL with the Prometheus UI's own grammar (npm @prometheus-io/lezer-promql): an expression with a syntax error, or
// a function PromQL does not have, is a problem. Reads {"objects": [...], "expressions": [{"where", "expr"}]} from the
// file given as argument and prints {"problems": [...], "metrics": {"<where>": ["<metric name>" or "~<name regex>"]}}:
// the metric names each expression reads (a selector's name, or a __name__ matcher's regex), for the caller to check.
// Exits 1 if there is a problem. Used by deploy/k8s ManifestsTest.
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
const metrics = {};

for (const object of input.objects ?? []) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const Model = monitoring[object.kind];
  if (object.apiVersion !== 'monitoring.coreos.com/v1' || typeof Model !== 'function') {
    problems.push(`${name}: no Prometheus Operator model for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
}

for (const { where, expr } of input.expressions ?? []) {
  const names = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: node => {
      if (node.type.isError) {
        problems.push(`${where}: PromQL syntax error at ${node.from}: ${expr.slice(0, node.from)} ⚠ ${expr.slice(node.from)}`);
      } else if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        names.push(expr.slice(node.from, node.to));
      } else if (node.name === 'UnquotedLabelMatcher' || node.name === 'QuotedLabelMatcher') {
        const label = node.node.getChild('LabelName');
        const value = node.node.getChild('StringLiteral');
        if (label && value && expr.slice(label.from, label.to) === '__name__') {
          const regex = node.node.getChild('MatchOp')?.getChild('EqlRegex') != null;
          const literal = JSON.parse(expr.slice(value.from, value.to).replace(/^'|'$/g, '"'));
          names.push(regex ? `~${literal}` : literal);
        }
      }
    },
  });
  if (expr.trim() === '') {
    problems.push(`${where}: empty expression`);
  }
  if (names.length === 0) {
    problems.push(`${where}: reads no metric: ${expr}`);
  }
  metrics[where] = names;
}

console.log(JSON.stringify({ problems, metrics }));
process.exit(problems.length === 0 ? 0 : 1);
