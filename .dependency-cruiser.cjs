// Which layer may import which. `npm run lint:imports` (part of `npm test`)
// fails on any breach; docs/architecture.md, "Layer rules", lists the same.
//
// CommonJS because the package is "type": "module": a .cjs config loads as it
// is, with nothing to transpile.
//
// Type-only imports are seen (tsPreCompilationDeps) and marked "type-only",
// which is how the rules below tell "names a type" (erased when built) from
// "loads the module". A .svelte file is read after the Svelte compiler has
// removed its type imports, so only its runtime imports are seen.

/** Main's modules the page may load, through the IPC contract's re-exports: plain data that imports nothing. */
const PAGE_SAFE_MAIN = ['^main/core/setting-limits\\.ts$', '^main/core/error-envelope\\.ts$', '^main/core/portal-host\\.ts$', '^main/core/list-pieces\\.ts$', '^main/core/csv\\.ts$', '^main/core/bbcode\\.ts$', '^main/core/portal-links\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A circle has no bottom: none of its modules can be read, tested or moved alone, and at run time ' +
        'the order the modules are evaluated in decides which one sees the other undefined. Type-only ' +
        'imports count too (dependency-cruiser tells them apart; counting them is a choice): a circle of ' +
        'types is the same tangle of who owns what, only not yet a crash.',
      from: { path: '^(main|preload|renderer/src)/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'main/core/ runs anywhere (the app, the CLI, the store, the tests), so it imports only itself, Node ' +
        "built-ins and zod (core checks a dialog answer's shape). What core needs of another layer is an " +
        'interface core owns (lookup-client.ts) and that layer implements.',
      from: { path: '^main/core/' },
      to: { pathNot: ['^main/core/', '(^|/)node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'export-makes-files-only',
      severity: 'error',
      comment:
        'main/export/ turns what main holds into the bytes of a file (CSV, JSON, Markdown, text), the same for ' +
        "the window's save and the CLI's --output: it imports core and itself, and names the store's types; " +
        'where the file goes, and how it is asked for, is the caller\'s business.',
      from: { path: '^main/export/' },
      to: { pathNot: ['^main/core/', '^main/export/'], dependencyTypesNot: ['core', 'type-only'] },
    },
    {
      name: 'rest-never-oauth',
      severity: 'error',
      comment:
        'main/rest/ calls a portal with the token it is handed; where tokens come from is OAuth\'s business. ' +
        'rest owns TokenSource (rest/token-source.ts) and oauth\'s TokenRefresher implements it: the arrow ' +
        'points from oauth to rest, never back.',
      from: { path: '^main/rest/' },
      to: { path: '^main/oauth/' },
    },
    {
      name: 'main-preload-types-only',
      severity: 'error',
      comment:
        'preload/ is written for the sandboxed preload and the page; main names its types (erased when ' +
        'built) but takes no values from it. Values both sides need live in main and the contract ' +
        're-exports them. The IPC shell (main/index.ts, main/shell/) is the one exception: it registers ' +
        'and sends on the contract\'s channel maps, the runtime half of the contract.',
      from: { path: '^main/', pathNot: ['^main/index\\.ts$', '^main/shell/'] },
      to: { path: '^preload/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shell-preload-contract-only',
      severity: 'error',
      comment:
        'The shell\'s exception covers the contract only: preload/index.ts is the bridge itself, and runs ' +
        'in the preload with its own `electron` (contextBridge, ipcRenderer).',
      from: { path: ['^main/index\\.ts$', '^main/shell/'] },
      to: { path: '^preload/', pathNot: '^preload/api-contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment:
        'Only main/index.ts and main/shell/ (and the preload bridge) load `electron`: everything else also ' +
        'runs in the CLI and the tests under plain Node, where `electron` is the path to a binary, not an ' +
        'API. A type-only import is erased, so code that is handed an Electron object may name its type.',
      from: { pathNot: ['^main/index\\.ts$', '^main/shell/', '^preload/index\\.ts$'] },
      to: { path: '(^|/)node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-not-main-runtime',
      severity: 'error',
      comment:
        'The page is sandboxed and reaches main only through window.inspector; main\'s modules need Node. ' +
        'So the renderer, and the contract it bundles, take only types from main, apart from plain data ' +
        'modules that import nothing (PAGE_SAFE_MAIN, held to that by page-safe-main-stands-alone).',
      from: { path: ['^renderer/src/', '^preload/api-contract\\.ts$'] },
      to: { path: '^main/', pathNot: PAGE_SAFE_MAIN, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-safe-main-stands-alone',
      severity: 'error',
      comment:
        'A main module the page may load must not bring anything with it: one import and Node code could ' +
        'ride into the page.',
      from: { path: PAGE_SAFE_MAIN },
      to: { dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    // Both tsconfigs resolve the same way (moduleResolution Bundler, no paths
    // or baseUrl): extensionless .ts imports, `./x.svelte` for x.svelte.ts,
    // and .svelte files, which dependency-cruiser compiles with the project's
    // own Svelte to read their imports. The root tsconfig names both.
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // So that packages with an `exports` map (svelte/reactivity, zod) resolve to the file Node would load.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
