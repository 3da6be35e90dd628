import { strict as assert } from 'assert';
import schema from '../../../schemas/topology.schema.json';
import { KEY_DOCS, VALUE_DOCS } from '../../../server/src/core/hover/keyDocs';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: unknown[];
}

const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;

function deref(node: SchemaNode): SchemaNode {
  return node.$ref !== undefined ? definitions[node.$ref.replace('#/definitions/', '')] : node;
}

/** Every key path of the schema (`switches.*.ports.*.speed`) and every enum value. */
function walk(node: SchemaNode, prefix: string, keys: string[], values: string[]): void {
  const resolved = deref(node);
  for (const value of resolved.enum ?? []) values.push(`${prefix}=${String(value)}`);
  for (const [name, child] of Object.entries(resolved.properties ?? {})) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    keys.push(key);
    walk(child, key, keys, values);
  }
  if (typeof resolved.additionalProperties === 'object') walk(resolved.additionalProperties, `${prefix}.*`, keys, values);
  if (resolved.items !== undefined) walk(resolved.items, `${prefix}.*`, keys, values);
}

describe('hover docs', () => {
  const keys: string[] = [];
  const values: string[] = [];
  walk(schema as SchemaNode, '', keys, values);

  it('finds the schema\'s keys', () => {
    assert.ok(keys.length >= 30, `${keys.length} keys`);
    assert.ok(keys.includes('switches.*.ports.*.speed'));
  });

  it('has hover text for every key in the JSON Schema', () => {
    assert.deepEqual(keys.filter((key) => !KEY_DOCS.has(key)), []);
  });

  it('has hover text for every enum value', () => {
    assert.deepEqual(values.filter((value) => !VALUE_DOCS.has(value)), []);
  });

  it('keeps each text to 2-5 lines', () => {
    for (const [key, doc] of [...KEY_DOCS, ...VALUE_DOCS]) {
      const lines = doc.text.split('\n').length;
      assert.ok(lines >= 1 && lines <= 5, `${key}: ${lines} lines`);
    }
  });
});
