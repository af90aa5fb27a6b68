/**
 * The API reference as a page model, read from the bundled contract: operations grouped by tag with
 * who may call them, their parameters, bodies and responses, then every component schema. Rendered
 * on the server as plain HTML (views/docs.njk): no script, nothing for the CSP to refuse, and markup
 * we can keep accessible (the reasons are in docs/decisions.md).
 */
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { escapeHtml, renderMarkdown } from './markdown.js';

/** A JSON Schema or OpenAPI object as the bundled contract holds it; only what the page reads is named. */
interface Node {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Node;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: boolean | Node;
  oneOf?: Node[];
  anyOf?: Node[];
  allOf?: Node[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  example?: unknown;
}

interface MediaNode {
  schema?: Node;
  example?: unknown;
}

interface ParameterNode {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Node;
}

interface ResponseNode {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaNode>;
}

interface OperationNode {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: ParameterNode[];
  requestBody?: { $ref?: string; required?: boolean; description?: string; content?: Record<string, MediaNode> };
  responses?: Record<string, ResponseNode>;
}

export interface PropertyView {
  name: string;
  typeHtml: string;
  required: boolean;
  descriptionHtml: string;
}

export interface ContentView {
  mediaType: string;
  typeHtml: string;
  properties: PropertyView[];
  example?: string;
}

export interface ParameterView extends PropertyView {
  location: string;
}

export interface ResponseView {
  status: string;
  descriptionHtml: string;
  contents: ContentView[];
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  descriptionHtml: string;
  /** Who may call it: anyone, any signed-in user, or users with one of the roles (the page words it). */
  access: { kind: 'anyone' | 'signed-in' } | { kind: 'roles'; roles: string[] };
  parameters: ParameterView[];
  requestBody?: { required: boolean; descriptionHtml: string; contents: ContentView[] };
  responses: ResponseView[];
}

export interface TagView {
  id: string;
  name: string;
  descriptionHtml: string;
  operations: OperationView[];
}

export interface SchemaView {
  id: string;
  name: string;
  typeHtml: string;
  descriptionHtml: string;
  properties: PropertyView[];
}

export interface ApiReference {
  title: string;
  version: string;
  summary: string;
  descriptionHtml: string;
  servers: string[];
  tags: TagView[];
  schemas: SchemaView[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
/** Nested objects are shown as dotted property names down to this depth; deeper ones by their type. */
const MAX_DEPTH = 3;

export function presentApiReference(spec: OpenAPIV3.DocumentV3_1): ApiReference {
  const document = spec as unknown as {
    info: { title: string; version: string; summary?: string; description?: string };
    servers?: { url: string }[];
    tags?: { name: string; description?: string }[];
    security?: Record<string, string[]>[];
    paths?: Record<string, Record<string, unknown>>;
    components?: Record<string, Record<string, unknown>>;
  };
  const resolve = <T>(node: T & { $ref?: string }): T => {
    let current: T & { $ref?: string } = node;
    for (let hops = 0; current.$ref && hops < 10; hops += 1) {
      const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? [];
      const target = kind && name ? document.components?.[kind]?.[decodeURIComponent(name)] : undefined;
      if (!target) break;
      current = target as T & { $ref?: string };
    }
    return current;
  };

  const tags = new Map<string, TagView>(
    (document.tags ?? []).map((tag) => [
      tag.name,
      { id: `tag-${slug(tag.name)}`, name: tag.name, descriptionHtml: renderMarkdown(tag.description), operations: [] },
    ]),
  );
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = (item.parameters as ParameterNode[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as OperationNode | undefined;
      if (!operation) continue;
      const tagName = operation.tags?.[0] ?? 'Other';
      if (!tags.has(tagName)) tags.set(tagName, { id: `tag-${slug(tagName)}`, name: tagName, descriptionHtml: '', operations: [] });
      tags.get(tagName)?.operations.push(presentOperation(path, method, operation, shared));
    }
  }

  function presentOperation(path: string, method: string, operation: OperationNode, shared: ParameterNode[]): OperationView {
    const body = operation.requestBody ? resolve(operation.requestBody) : undefined;
    return {
      id: `op-${operation.operationId ?? slug(`${method}-${path}`)}`,
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? '',
      descriptionHtml: renderMarkdown(operation.description),
      access: describeAccess(operation.security ?? document.security),
      parameters: [...shared, ...(operation.parameters ?? [])].map((reference) => {
        const parameter = resolve(reference);
        return {
          name: parameter.name,
          location: parameter.in,
          required: parameter.required === true,
          typeHtml: parameter.schema ? describeType(parameter.schema) : '',
          descriptionHtml: renderMarkdown(parameter.description ?? (parameter.schema ? resolve(parameter.schema).description : undefined)),
        };
      }),
      requestBody: body && {
        required: body.required === true,
        descriptionHtml: renderMarkdown(body.description),
        contents: presentContents(body.content),
      },
      responses: Object.entries(operation.responses ?? {}).map(([status, reference]) => {
        const response = resolve(reference);
        return {
          status,
          descriptionHtml: renderMarkdown(response.description),
          contents: presentContents(response.content),
        };
      }),
    };
  }

  function presentContents(content: Record<string, MediaNode> | undefined): ContentView[] {
    return Object.entries(content ?? {}).map(([mediaType, media]) => {
      const schema = media.schema;
      // A named schema is described once, under Schemas; an inline one is described here.
      const inline = schema && !schema.$ref ? listProperties(schema, '', 0) : [];
      return {
        mediaType,
        typeHtml: schema ? describeType(schema) : '',
        properties: inline,
        example: media.example === undefined ? undefined : JSON.stringify(media.example, null, 2),
      };
    });
  }

  function describeAccess(security: Record<string, string[]>[] | undefined): OperationView['access'] {
    if (!security || security.length === 0) return { kind: 'anyone' };
    const roles = security.flatMap((requirement) => Object.values(requirement).flat());
    if (roles.length === 0) return { kind: 'signed-in' };
    return { kind: 'roles', roles: [...new Set(roles)] };
  }

  function schemaLink(ref: string): string {
    const name = decodeURIComponent(ref.split('/').pop() ?? ref);
    return `<a href="#schema-${escapeHtml(slug(name))}">${escapeHtml(name)}</a>`;
  }

  /** A one-line description of a schema's type, with links to the named schemas it uses. */
  function describeType(schema: Node): string {
    if (schema.$ref) return schemaLink(schema.$ref);
    if (schema.allOf) return schema.allOf.map(describeType).join(' and ');
    if (schema.oneOf ?? schema.anyOf) return `one of: ${(schema.oneOf ?? schema.anyOf ?? []).map(describeType).join(', ')}`;
    if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    const base = types
      .map((type) => (type === 'array' && schema.items ? `array of ${describeType(schema.items)}` : escapeHtml(type)))
      .join(' or ');
    const notes: string[] = [];
    if (schema.format) notes.push(escapeHtml(schema.format));
    if (schema.enum) notes.push(`one of ${schema.enum.map((value) => `<code>${escapeHtml(String(value))}</code>`).join(', ')}`);
    if (schema.minimum !== undefined) notes.push(`at least ${schema.minimum}`);
    if (schema.maximum !== undefined) notes.push(`at most ${schema.maximum}`);
    if (schema.minLength !== undefined) notes.push(`at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
    if (schema.pattern) notes.push(`matches <code>${escapeHtml(schema.pattern)}</code>`);
    if (schema.default !== undefined) notes.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
    const text = base || (schema.properties ? 'object' : 'any');
    return notes.length ? `${text} (${notes.join('; ')})` : text;
  }

  /** An object's properties (those of its allOf parts too), nested objects as dotted names. */
  function listProperties(schema: Node, prefix: string, depth: number): PropertyView[] {
    const parts = schema.allOf ? schema.allOf.map((part) => resolve(part)) : [schema];
    return parts.flatMap((part) =>
      Object.entries(part.properties ?? {}).flatMap(([name, property]) => {
        const row: PropertyView = {
          name: `${prefix}${name}`,
          typeHtml: describeType(property),
          required: (part.required ?? []).includes(name),
          descriptionHtml: renderMarkdown(property.description),
        };
        const nested =
          !property.$ref && property.properties && depth < MAX_DEPTH ? listProperties(property, `${prefix}${name}.`, depth + 1) : [];
        return [row, ...nested];
      }),
    );
  }

  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, Node>)
    .map(([name, reference]) => {
      const schema = resolve(reference);
      return {
        id: `schema-${slug(name)}`,
        name,
        typeHtml: describeType(reference.$ref ? schema : reference),
        descriptionHtml: renderMarkdown(schema.description),
        properties: listProperties(schema, '', 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    title: document.info.title,
    version: document.info.version,
    summary: document.info.summary ?? '',
    descriptionHtml: renderMarkdown(document.info.description),
    servers: (document.servers ?? []).map((server) => server.url),
    tags: [...tags.values()].filter((tag) => tag.operations.length > 0),
    schemas,
  };
}

function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '-');
}
