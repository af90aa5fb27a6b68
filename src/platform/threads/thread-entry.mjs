/**
 * What a thread of the pool runs first: it loads the task's TypeScript file, once per file, and calls its
 * `runOnThread` export with the task. A thread of a process started with `--import tsx` loads TypeScript
 * as the process does; under a test runner that compiles TypeScript its own way (which threads do not inherit),
 * the file is loaded through tsx's API instead.
 */
const modules = new Map();

async function load(file) {
  try {
    return await import(file);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    // Loaded only here: in a thread of a process that runs tsx already, tsx's API fails to load.
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(file, import.meta.url);
  }
}

export async function runTask({ file, task }) {
  let loading = modules.get(file);
  if (!loading) {
    loading = load(file);
    modules.set(file, loading);
  }
  return (await loading).runOnThread(task);
}
