import { DOMParser, type Element, onWarningStopParsing } from '@xmldom/xmldom';
import type { TestStack } from './local-stack.ts';

/**
 * Talking to the Open311 facade as a GeoReport v2 client would: form-encoded POSTs, XML or JSON
 * answers. XML is parsed by a real XML parser that stops at anything not well-formed, then read by
 * the spec's Spark convention (wiki.open311.org/JSON_and_XML_Conversion) — written here afresh,
 * not taken from the server — so the two formats can be compared value for value.
 */

export interface Open311Answer {
  status: number;
  contentType: string;
  text: string;
  headers: Headers;
}

export const open311Get = async (t: TestStack, path: string): Promise<Open311Answer> =>
  answerOf(await t.api(path));

export const open311Post = async (
  t: TestStack,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Open311Answer> =>
  answerOf(
    await t.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );

const answerOf = async (response: Response): Promise<Open311Answer> => ({
  status: response.status,
  contentType: response.headers.get('content-type') ?? '',
  text: await response.text(),
  headers: response.headers,
});

/** Containers whose children form arrays in GeoReport v2 and service discovery. */
const CONTAINERS = new Set([
  'services',
  'service_requests',
  'attributes',
  'values',
  'endpoints',
  'formats',
  'errors',
]);

type Spark = string | null | Spark[] | { [name: string]: Spark };

const childElements = (element: Element): Element[] =>
  Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);

const sparkOf = (element: Element): Spark => {
  const children = childElements(element);
  if (CONTAINERS.has(element.tagName)) return children.map(sparkOf);
  if (children.length === 0) return element.textContent === '' ? null : element.textContent;
  return Object.fromEntries(children.map((child) => [child.tagName, sparkOf(child)]));
};

/** The XML document, checked for well-formedness and its declaration, as { root, value }. */
export const readXml = (text: string): { root: string; value: Spark } => {
  if (!text.startsWith('<?xml version="1.0" encoding="utf-8"?>'))
    throw new Error('no XML declaration with UTF-8');
  const document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
  const root = document.documentElement;
  if (root === null) throw new Error('no root element');
  return { root: root.tagName, value: sparkOf(root) };
};

/** A JSON value with every leaf as XML carries it: text, or null. */
export const asXmlText = (value: unknown): Spark => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asXmlText(item)]));
  }
  return String(value);
};

export const issueApiKey = async (
  t: TestStack,
  body: { clientName: string; ratePerMinute?: number; burst?: number },
): Promise<{ id: string; apiKey: string }> => {
  const response = await t.api('/api-keys', {
    method: 'POST',
    token: t.stack.users.admin.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`issue key: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; apiKey: string };
};
