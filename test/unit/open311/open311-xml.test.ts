import { describe, expect, it } from 'vitest';
import { toJsonDocument, toXmlDocument, xmlText } from '../../../shared/domain/open311/open311-xml.ts';

describe('GeoReport v2 documents in XML and JSON (Spark convention)', () => {
  it('writes a container of one kind of child as repeated elements, and as a JSON array', () => {
    const value = [
      { service_code: 'noise', metadata: true },
      { service_code: 'dust', metadata: false },
    ];
    expect(toXmlDocument('services', value)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<services><service><service_code>noise</service_code><metadata>true</metadata></service>' +
        '<service><service_code>dust</service_code><metadata>false</metadata></service></services>\n',
    );
    expect(JSON.parse(toJsonDocument(value))).toEqual(value);
  });

  it('nests containers inside objects, writes null as an empty element and leaves undefined out', () => {
    const value = {
      service_code: 'noise',
      attributes: [{ code: 'title', datatype_description: null, values: [] }],
      absent: undefined,
    };
    expect(toXmlDocument('service_definition', value)).toContain(
      '<service_definition><service_code>noise</service_code><attributes><attribute><code>title</code>' +
        '<datatype_description/><values></values></attribute></attributes></service_definition>',
    );
    expect(JSON.parse(toJsonDocument(value))).toEqual({
      service_code: 'noise',
      attributes: [{ code: 'title', datatype_description: null, values: [] }],
    });
  });

  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(xmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(xmlText('bell\u0007 nul\u0000 lone\uD800 ok\n\t')).toBe('bell nul lone ok\n\t');
    expect(xmlText('河道 😀')).toBe('河道 😀');
  });

  it('refuses a container whose child name it does not know, rather than writing bad XML', () => {
    expect(() => toXmlDocument('things', [1, 2])).toThrow(/things/);
  });
});
