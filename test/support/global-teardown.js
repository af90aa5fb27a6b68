import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { stopRunServices } = await tsImport('./run-services.ts', import.meta.url);
  await stopRunServices();
}
