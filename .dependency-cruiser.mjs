/**
 * The direction of imports in src/ (docs/architecture.md), checked by `npm run arch` (part of `npm run lint`).
 *
 * - Domain modules: the top-level folders of src/ other than the shared layers and the composition root.
 *   One imports another only through that module's index.ts; inside a module, imports are relative.
 * - Shared layers: src/common (framework helpers), src/database (low-level SQL helpers) and src/config
 *   (the settings). Anything may import them; they import no domain module and not the composition root.
 * - The composition root, src/app (the Nest application module, bootstrap, the entity and migration
 *   registry, the data source, the migration CLI, the embedded PostgreSQL): imported only by the entry
 *   points, src/main.ts and the *.cli.ts commands.
 * - No cycles between modules.
 */
const SHARED = '^src/(common|database|config)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles-between-modules',
      severity: 'error',
      comment:
        'An import cycle that leaves the folder it starts in: two top-level folders of src/ import each other ' +
        '(directly or through others), so one of them must not. (Cycles inside one folder are not checked here.)',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^src/$1/' } },
    },
    {
      name: 'shared-layers-import-no-domain',
      severity: 'error',
      comment:
        'src/common, src/database and src/config are shared layers: they import only each other and packages.',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: SHARED },
    },
    {
      name: 'modules-meet-through-index',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts (its public surface).",
      from: { path: '^src/([^/]+)/', pathNot: SHARED },
      to: {
        path: '^src/[^/]+/',
        pathNot: [SHARED, '^src/$1/', '^src/app/', '^src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'composition-root-only-from-entry-points',
      severity: 'error',
      comment: 'Only src/main.ts and the *.cli.ts commands import the composition root (src/app).',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$', '\\.cli\\.ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
