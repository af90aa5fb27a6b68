/**
 * `npm run dashboards:import`: imports the saved objects of analytics/opensearch/saved-objects.ndjson (index
 * patterns, visualisations, a dashboard for program managers and one for analysts) into a running OpenSearch
 * Dashboards at OPENSEARCH_DASHBOARDS_URL (default http://localhost:5601, as docker-compose runs it),
 * replacing earlier copies. With OPENSEARCH_INDEX_PREFIX other than `iaod`, the index patterns follow it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const base = (process.env.OPENSEARCH_DASHBOARDS_URL ?? 'http://localhost:5601').replace(/\/+$/, '');
const prefix = process.env.OPENSEARCH_INDEX_PREFIX ?? 'iaod';
const file = path.join(import.meta.dirname, '..', 'analytics', 'opensearch', 'saved-objects.ndjson');
const ndjson = (await readFile(file, 'utf8'))
  .replaceAll('"title": "iaod-', `"title": "${prefix}-`)
  .replaceAll('"title":"iaod-', `"title":"${prefix}-`);

const form = new FormData();
form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'saved-objects.ndjson');
const response = await fetch(`${base}/api/saved_objects/_import?overwrite=true`, {
  method: 'POST',
  headers: { 'osd-xsrf': 'true' },
  body: form,
});
const body = (await response.json().catch(() => ({}))) as { success?: boolean; successCount?: number; errors?: unknown[] };
if (!response.ok || body.success !== true) {
  console.error(`dashboards:import: OpenSearch Dashboards at ${base} answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  process.exit(1);
}
console.log(`dashboards:import: ${body.successCount} saved objects imported into ${base} (index patterns ${prefix}-*)`);
