// Jest loads global setup outside its module mapper, so the TypeScript is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startRunServices } = await tsImport('./run-services.ts', import.meta.url);
  await startRunServices();
}
