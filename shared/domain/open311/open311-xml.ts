/**
 * GeoReport v2 documents as values, written as XML or JSON. The spec's JSON is the "Spark" mapping
 * of its XML (wiki.open311.org/JSON_and_XML_Conversion): a container element with one kind of
 * repeated child is a JSON array, a leaf is a value, an empty leaf is null. So one value serves
 * both formats; XML needs only the name of each container's children.
 */
export type Open311Value =
  | string
  | number
  | boolean
  | null
  | readonly Open311Value[]
  | { readonly [name: string]: Open311Value | undefined };

/** The child element of every container the GeoReport v2 and discovery documents use. */
export const CONTAINER_CHILDREN: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

/**
 * Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab, newline and carriage
 * return; lone surrogates; U+FFFE/U+FFFF). Text typed into a case may hold them; they are dropped.
 */
const NOT_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlText = (value: string): string =>
  value.replace(NOT_XML_CHARS, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const element = (name: string, value: Open311Value | undefined): string => {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = CONTAINER_CHILDREN[name];
    if (child === undefined) throw new Error(`no child element name for the container ${name}`);
    return `<${name}>${value.map((item) => element(child, item)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([key, item]) => element(key, item))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
};

/** The XML document: declaration, then `root` holding `value` (an array becomes its children). */
export const toXmlDocument = (root: string, value: Open311Value): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;

/** The JSON document: the value itself (arrays at the top, as the spec's JSON examples show). */
export const toJsonDocument = (value: Open311Value): string => JSON.stringify(value);
