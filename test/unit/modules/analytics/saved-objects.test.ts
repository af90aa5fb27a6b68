/**
 * The OpenSearch Dashboards saved objects (analytics/opensearch/saved-objects.ndjson) parse, refer only to
 * objects in the file, and name only fields that the analytics mappings have, each on the index its
 * visualisation reads: an object that names a field the indexing never writes would draw an empty chart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ANALYTICS_INDEXES, INDEX_MAPPINGS, type AnalyticsIndex } from '../../../../src/modules/analytics/index.js';

interface SavedObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references: Array<{ name: string; type: string; id: string }>;
}

const file = path.join(import.meta.dirname, '..', '..', '..', '..', 'analytics', 'opensearch', 'saved-objects.ndjson');
const objects = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SavedObject);
const byId = new Map(objects.map((object) => [`${object.type}:${object.id}`, object]));

/** The analytics index an index pattern names (`iaod-<kind>`). */
function indexOfPattern(id: string): AnalyticsIndex {
  const pattern = byId.get(`index-pattern:${id}`);
  const kind = String(pattern?.attributes.title).replace(/^iaod-/, '');
  if (!(ANALYTICS_INDEXES as readonly string[]).includes(kind)) throw new Error(`index pattern ${id} names no analytics index`);
  return kind as AnalyticsIndex;
}

/** Every field a visualisation names: its aggregations' fields and its filters' phrase fields. */
function fieldsOf(object: SavedObject): string[] {
  const state = JSON.parse(String(object.attributes.visState)) as { aggs: Array<{ params: { field?: string } }> };
  const search = JSON.parse(String((object.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON)) as {
    filter: Array<{ query: { match_phrase: Record<string, string> } }>;
  };
  return [
    ...state.aggs.flatMap((agg) => (agg.params.field ? [agg.params.field] : [])),
    ...search.filter.flatMap((filter) => Object.keys(filter.query.match_phrase)),
  ];
}

describe('OpenSearch Dashboards saved objects', () => {
  it('hold index patterns for the indexes, visualisations and a dashboard for each audience', () => {
    expect(objects.filter((object) => object.type === 'dashboard').map((object) => object.id)).toEqual([
      'iaod-program-manager',
      'iaod-analyst',
    ]);
    for (const pattern of objects.filter((object) => object.type === 'index-pattern')) {
      const index = indexOfPattern(pattern.id);
      expect(INDEX_MAPPINGS[index][String(pattern.attributes.timeFieldName)]).toBe('date');
    }
  });

  it('refer only to objects in the file', () => {
    for (const object of objects) {
      for (const reference of object.references) expect(byId.has(`${reference.type}:${reference.id}`)).toBe(true);
    }
    for (const dashboard of objects.filter((object) => object.type === 'dashboard')) {
      const panels = JSON.parse(String(dashboard.attributes.panelsJSON)) as Array<{ panelRefName: string }>;
      const names = dashboard.references.map((reference) => reference.name);
      expect(panels.map((panel) => panel.panelRefName).sort()).toEqual([...names].sort());
    }
  });

  it('name only fields of the mapping of the index each visualisation reads', () => {
    const visualisations = objects.filter((object) => object.type === 'visualization');
    expect(visualisations.length).toBeGreaterThanOrEqual(6);
    for (const visualisation of visualisations) {
      const index = indexOfPattern(visualisation.references[0]?.id ?? '');
      const fields = fieldsOf(visualisation);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields)
        expect([visualisation.id, field, INDEX_MAPPINGS[index][field] !== undefined]).toEqual([visualisation.id, field, true]);
    }
  });
});
