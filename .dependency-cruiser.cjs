/**
 * The layer rules of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser). Each rule says why it exists.
 * Paths are relative to the repository root.
 */
const AREA = '^src/domain/([^/]+)/';
const ADAPTERS = '^(src/(http|db|cli|jobs|integrations)/|web/)';
const ROUTES = '^src/domain/[^/]+/routes[^/]*[.]ts$';
const TESTS = '[.]test[.]ts$';
/** Demo data and seeds by their names (seed-*, demo-*, haarlem-*): they belong in src/db/seed, not in an area. */
const DOMAIN_DEMO = '^src/domain/.+/(seed|demo|haarlem)-[^/]*$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes load order matter and hides which module owns what; the dependency direction is ' +
        'written in ARCHITECTURE.md (people -> reports -> routing -> categories/geography). Web included. ' +
        'A cycle that needs a type-only import to close is not one: types are erased, nothing loads in a circle ' +
        "(the web's route table names its pages by type so a page's parameters are checked against its path).",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-no-adapters',
      severity: 'error',
      comment:
        'The domain is the core: use cases run the same from HTTP, the CLI, jobs and tests, so they must ' +
        'not know any adapter. Exceptions: the storage port src/db/db.ts (interfaces only, type-only imports) ' +
        'and the rules below for routes and tests.',
      from: { path: '^src/domain/', pathNot: [ROUTES, TESTS] },
      to: {
        path: ADAPTERS,
        pathNot: '^src/db/db[.]ts$',
      },
    },
    {
      name: 'domain-storage-port-type-only',
      severity: 'error',
      comment: 'src/db/db.ts is the storage port: the domain may name its types, never load the module.',
      from: { path: '^src/domain/', pathNot: [TESTS] },
      to: { path: '^src/db/db[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-no-server-packages',
      severity: 'error',
      comment:
        'Database drivers and the web framework are adapters too; the domain talks to storage through ' +
        'the Db port and to HTTP not at all (routes excepted, see domain-routes-http-kit-only).',
      from: { path: '^src/domain/', pathNot: [ROUTES, TESTS] },
      to: { path: '(^|/)node_modules/(fastify/|@fastify/|fastify-[^/]+/|pg/|pg-[^/]+/|@electric-sql/)' },
    },
    {
      name: 'shared-is-core',
      severity: 'error',
      comment:
        'src/shared (errors, clock, staff vocabulary) sits under every area and adapter, so it imports none of them; ' +
        'an HTTP schema there (the former problem-schema.ts) belongs in the HTTP kit.',
      from: { path: '^src/shared/', pathNot: TESTS },
      to: { path: ['^src/(domain|http|db|cli|jobs|integrations)/', '^web/', '(^|/)node_modules/(fastify|@fastify/)'] },
    },
    {
      name: 'domain-routes-http-kit-only',
      severity: 'error',
      comment:
        "House style keeps an area's routes beside its use cases, so a feature is one folder. Routes are " +
        "the area's HTTP edge: they may use fastify (types and plugins) and the narrow HTTP kit " +
        '(src/http/route-kit.ts: App/AppDeps, auth guards, problem schema, security constants), nothing else ' +
        'from the adapters, so the app can be rebuilt or replaced without touching an area.',
      from: { path: ROUTES, pathNot: TESTS },
      to: { path: ADAPTERS, pathNot: ['^src/http/route-kit[.]ts$', '^src/db/db[.]ts$'] },
    },
    {
      name: 'areas-through-index',
      severity: 'error',
      comment:
        "An area's index.ts is its public face: other areas, adapters and tests elsewhere use only what it " +
        'exports, so an area can reorganise its files freely.',
      from: { path: AREA },
      to: {
        path: '^src/domain/([^/]+)/',
        pathNot: ['^src/domain/$1/', '^src/domain/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'outside-uses-area-index',
      severity: 'error',
      comment:
        'Adapters, test support, benchmarks and scripts reach an area through its index.ts as well (the ' +
        "HTTP adapter registers the areas' routes files directly: they are the HTTP edge, not the area's API; " +
        "the web app's API contract takes its types from the areas' schema files, type-only, see the next rule).",
      from: { pathNot: ['^src/domain/', '^src/http/routes[.]ts$', '^web/src/api/contract[.]ts$'] },
      to: { path: '^src/domain/[^/]+/', pathNot: '^src/domain/[^/]+/index[.]ts$' },
    },
    {
      name: 'domain-no-demo-data',
      severity: 'error',
      comment:
        'Demo data and its composition live in src/db/seed (an adapter, so no area can import them, see ' +
        'domain-no-adapters); an area keeps a generic, data-driven import<Thing> use case that the seed calls ' +
        '(importCategoryTree, importTeamRules, importTeam, importFieldwork). A seed-*, demo-* or haarlem-* file ' +
        'in src/domain is a seed that slipped back in: nothing may import it (its index, its test, a caller) ...',
      from: {},
      to: { path: DOMAIN_DEMO },
    },
    {
      name: 'domain-no-demo-seed-files',
      severity: 'error',
      comment: '... and it may import nothing itself, so a seed nobody imports yet is caught too ...',
      from: { path: DOMAIN_DEMO },
      to: {},
    },
    {
      name: 'domain-no-demo-data-files',
      severity: 'error',
      comment: '... and so is a data file that neither imports nor is imported.',
      from: { path: DOMAIN_DEMO, orphan: true },
      to: {},
    },
    {
      name: 'web-type-only-from-server',
      severity: 'error',
      comment:
        'The browser bundle must not pull in server code (database drivers, secrets, Node built-ins). Type-only ' +
        'imports of the server schemas are allowed: they vanish at build time and make a server change break ' +
        'the web type check.',
      from: { path: '^web/' },
      to: { path: '^(src|test|bench|scripts)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-no-test-code',
      severity: 'error',
      comment: 'Product code must not depend on test helpers; only test files (*.test.ts) may import test/.',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^test/' },
    },
    {
      name: 'src-no-web',
      severity: 'error',
      comment: 'The server serves web/dist as files; it never imports the UI sources.',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would fail at run time.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/dist|data|[.]test-cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
