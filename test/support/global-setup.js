// Jest loads global setup outside its module mapper, so the TypeScript is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startRunServices } = await tsImport('./run-services.ts', import.meta.url);
  await startRunServices();
  if (!process.env.OPENSEARCH_URL) {
    process.stdout.write(
      '\nOPENSEARCH_URL is unset: test/integration/opensearch/ (indexing; OpenSearch figures equal to PostgreSQL) is not in this run; ' +
        'the dashboards are tested on their PostgreSQL path. npm run test:stack runs them against a real OpenSearch.\n',
    );
  }
}
