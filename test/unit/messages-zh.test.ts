import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every message a person reads is zh-CN first, English beside it (issue 14 sweep). This reads the
 * source of `functions/` and `shared/`: each typed error that becomes a problem document (and each
 * configuration error an operator reads) is thrown with a message whose first word is Chinese, and so
 * is every field error `{ path, message }` written there. A message given as a `const` in the same
 * file is followed to its text; one built by a function call is left to the tests of that function
 * and to the HTTP test `test/integration/messages-zh.test.ts`.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

const ERROR_CLASSES =
  'Validation|Unauthorized|Forbidden|NotFound|Conflict|PayloadTooLarge|UnsupportedMediaType|Unprocessable|Config';
const THROW_SITE = new RegExp(`new (${ERROR_CLASSES})Error\\(\\s*`, 'g');
const FIELD_ERROR = /\{\s*path:[^{}]*?,\s*message:\s*/g;

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** The string or template literal starting at `at`, without its quotes; undefined if none starts there. */
const literalAt = (text: string, at: number): string | undefined => {
  const quote = text[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (quote === '`' && char === '$' && text[i + 1] === '{') depth++;
    else if (depth > 0 && char === '}') depth--;
    else if (depth === 0 && char === quote) return text.slice(at + 1, i);
  }
  return undefined;
};

/** A message given as an identifier: the literal of the nearest `const <name> =` before it. */
const constantBefore = (text: string, at: number): string | undefined => {
  const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(at))?.[0];
  if (name === undefined) return undefined;
  const declarations = [...text.slice(0, at).matchAll(new RegExp(`const ${name}\\s*=\\s*`, 'g'))];
  const last = declarations.at(-1);
  return last === undefined ? undefined : literalAt(text, (last.index ?? 0) + last[0].length);
};

/** Its first word, after any leading interpolation, spaces or punctuation, is Chinese. */
const zhFirst = (message: string): boolean => {
  const lead = message.replace(/^(\$\{[^}]*\}|[\s\p{P}\d])+/u, '');
  return /^[\u3400-\u9fff]/.test(lead);
};

const findings = (file: string) => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: { where: string; message: string | undefined }[] = [];
  for (const pattern of [THROW_SITE, FIELD_ERROR]) {
    for (const match of text.matchAll(pattern)) {
      const at = (match.index ?? 0) + match[0].length;
      const message = literalAt(text, at) ?? constantBefore(text, at);
      const line = text.slice(0, at).split('\n').length;
      found.push({ where: `${file}:${line}`, message });
    }
  }
  return found;
};

const files = ['functions', 'shared'].flatMap(sourceFiles).map((file) => relative(ROOT, join(ROOT, file)));

describe('messages people read, in the source', () => {
  const all = files.flatMap(findings);

  it('finds the throw sites and field errors it checks (the scan works)', () => {
    const checked = all.filter((f) => f.message !== undefined).length;
    expect(checked, `${checked} of ${all.length}`).toBeGreaterThan(120);
  });

  it('writes each of them Chinese first', () => {
    const english = all
      .filter((f) => f.message !== undefined && !zhFirst(f.message))
      .map((f) => `${f.where}: ${f.message}`);
    expect(english).toEqual([]);
  });

  it('tells Chinese-first from English-only as intended', () => {
    // The source text of a template literal, interpolation included, as the scan reads it.
    const template = ['$', '{id} 已在本案件中使用过 (already cited on this case)'].join('');
    expect(zhFirst(template)).toBe(true);
    expect(zhFirst('「核实」不可用 (verify)')).toBe(true);
    expect(zhFirst('id is required')).toBe(false);
    expect(zhFirst('period 不是本地小时')).toBe(false);
  });
});
