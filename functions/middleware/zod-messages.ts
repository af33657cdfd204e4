import type * as z from 'zod';
import { en, zhCN } from 'zod/locales';

/**
 * Validation messages as people read them: zh-CN first, zod's English beside it, e.g.
 * `应为字符串，实际未提供 (Invalid input: expected string, received undefined)`. The common issues
 * get plain Chinese here (zod's zh-CN locale leaves type names in English: "期望 string"); the
 * rarer ones take zod's own zh-CN text (`z.locales.zhCN`).
 */

type Issue = z.core.$ZodRawIssue;

// The two locales by name: `z.locales.*` would bundle all of zod's ~50 (docs/performance.md).
const zodZh = zhCN().localeError;
const zodEn = en().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  null: '空值 (null)',
  nan: 'NaN',
  file: '文件',
};

const typeName = (type: string) => TYPE_NAMES[type] ?? type;

/** What zod calls the type of a received value, for "实际为…". */
const receivedType = (input: unknown): string => {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
};

const invalidType = (issue: Extract<Issue, { code: 'invalid_type' }>) => {
  const expected = `应为${typeName(issue.expected)}`;
  return issue.input === undefined
    ? `${expected}，实际未提供`
    : `${expected}，实际为${typeName(receivedType(issue.input))}`;
};

const COUNT_UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项' };

const bound = (issue: Extract<Issue, { code: 'too_small' | 'too_big' }>) => {
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  const unit = COUNT_UNITS[issue.origin];
  if (unit !== undefined) {
    if (small && limit === '1' && issue.origin === 'string') return '不能为空';
    return `${small ? '至少' : '最多'} ${limit} ${unit}`;
  }
  const inclusive = issue.inclusive !== false;
  if (small) return inclusive ? `应不小于 ${limit}` : `应大于 ${limit}`;
  return inclusive ? `应不大于 ${limit}` : `应小于 ${limit}`;
};

const chinese = (issue: Issue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${JSON.stringify(issue.values[0])}`
        : `应为以下之一：${issue.values.map((value) => String(value)).join('、')}`;
    case 'unrecognized_keys':
      return `不允许的字段：${issue.keys.join('、')}`;
    default:
      return text(zodZh(issue)) ?? '无效输入';
  }
};

const text = (message: ReturnType<z.core.$ZodErrorMap>): string | undefined =>
  typeof message === 'string' ? message : message?.message;

/** The message of one issue: zh-CN, then zod's English in parentheses. */
export const bilingualZodMessage = (issue: Issue): string =>
  `${chinese(issue)} (${text(zodEn(issue)) ?? 'Invalid input'})`;

const HAS_CHINESE = /[\u3400-\u9fff]/;

/**
 * A message a schema or a handler wrote itself (`.refine(…, 'must not be before from')`) keeps its
 * words, after a zh-CN lead, so that every message still reads zh-CN first.
 */
export const zhFirst = (message: string, lead = '无效输入'): string =>
  HAS_CHINESE.test(message) ? message : `${lead} (${message})`;
