/**
 * The layer boundaries of docs/architecture.md ("Layers"), checked on every `npm run lint`.
 *
 * Parser: swc. dependency-cruiser reads TypeScript through the TypeScript compiler API (< 7, or the
 * native API from 7.1), and the project pins TypeScript 7.0, which has neither; swc parses the same
 * sources, `import type` included, so type-only imports count as dependencies too.
 *
 * No exceptions (the last three were fixed on 2026-12-07: docs/architecture.md, "Known exceptions").
 * A rule that cannot hold for a file is argued there before an exception is added here.
 */

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form a directed graph: a cycle means two files are one module split badly.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'shared/domain is pure logic: no adapters, handlers, contracts (HTTP shapes), infrastructure or AWS SDK.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: {
        path: [
          '^shared/adapters/',
          '^functions/',
          '^infra/',
          'node_modules/@aws-sdk/',
          'node_modules/@smithy/',
        ],
      },
    },
    {
      name: 'domain-no-contracts',
      comment:
        'Contracts describe the API; the domain speaks its own types and the handler maps between them.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/contracts/' },
    },
    {
      name: 'runtime-no-cdk',
      comment: 'Code that runs in a Lambda (functions/, shared/) never imports the CDK or infra/.',
      severity: 'error',
      from: { path: '^(functions|shared)/' },
      to: { path: ['^infra/', 'node_modules/(aws-cdk-lib|aws-cdk|constructs|cdk-nag)/'] },
    },
    {
      name: 'ports-speak-domain',
      comment:
        "A port is an interface in the domain's language: it names domain types, never an adapter or an API shape.",
      severity: 'error',
      from: { path: '^shared/ports/' },
      to: {
        path: ['^shared/(adapters|contracts|config|observability)/', '^functions/', 'node_modules/@aws-sdk/'],
      },
    },
    {
      name: 'application-takes-ports',
      comment:
        'Use cases (shared/application) orchestrate the domain over ports they are given: no adapter, handler, API shape or AWS SDK.',
      severity: 'error',
      from: { path: '^shared/application/' },
      to: {
        path: [
          '^shared/(adapters|contracts)/',
          '^functions/',
          'node_modules/@aws-sdk/',
          'node_modules/@smithy/',
        ],
      },
    },
    {
      name: 'contracts-describe-only',
      comment:
        'Contracts (zod schemas, routes) are read by the CDK, the gateway and the web app: no runtime wiring.',
      severity: 'error',
      from: { path: '^shared/contracts/' },
      to: {
        path: ['^shared/(adapters|ports|config|observability)/', '^functions/', 'node_modules/@aws-sdk/'],
      },
    },
    {
      name: 'adapters-below-handlers',
      comment: 'Adapters implement ports for handlers; they never reach back up into a handler.',
      severity: 'error',
      from: { path: '^shared/adapters/' },
      to: { path: '^functions/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(cdk\\.out|\\.qingshan|web)/' },
    // Packages that publish only an `exports` map (powertools' middleware, aedes, vite) resolve as Node does.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
