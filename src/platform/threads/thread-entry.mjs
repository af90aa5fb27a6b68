/**
 * What a thread of the pool runs first: it loads the task's TypeScript file through tsx's API, once per file,
 * and calls its `runOnThread` export with the task. Threads do not inherit how the process loads TypeScript
 * (`node --import tsx`, or a test runner's own compiler), and a plain `import` of a `.ts` file fails on
 * Node 20 and half-works on Node 24, whose type stripping cannot follow the sources' `.js` imports. tsx's
 * API is imported when the first task comes: imported as the thread starts, it fails to load in a process
 * started with `--import tsx`.
 */
const modules = new Map();

async function load(file) {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(file, import.meta.url);
}

export async function runTask({ file, task }) {
  let loading = modules.get(file);
  if (!loading) {
    loading = load(file);
    modules.set(file, loading);
  }
  return (await loading).runOnThread(task);
}
