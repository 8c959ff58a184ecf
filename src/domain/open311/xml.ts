/**
 * XML the way GeoReport v2 shapes it. fast-xml-parser's XMLBuilder writes the elements and escapes text
 * (see ARCHITECTURE.md for the choice); this file only says which element wraps each list item.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** A list under one of these names holds elements of the second name (`<attributes><attribute>…`). */
const itemElement: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ suppressEmptyNode: true, format: false });

type Node = string | number | boolean | null | undefined | Node[] | { [key: string]: Node };

function tree(name: string, value: Node): Node {
  if (Array.isArray(value)) {
    const item = itemElement[name];
    if (!item) throw new Error(`no XML item element for the list ${name}`);
    return { [item]: value.map((entry) => tree(item, entry)) };
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, tree(key, entry)]));
  return value;
}

/** A whole document: `<?xml …?>` and one root element (a list root wraps its items, as `<services>` does). */
export function toXmlDocument(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: tree(root, value as Node) })}`;
}
