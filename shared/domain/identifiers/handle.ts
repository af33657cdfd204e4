/**
 * Industrial-internet identifiers in the Handle style used by China's identifier-resolution system:
 * `prefix/suffix`. The prefix is dot-separated numeric node segments — national node first (`88`),
 * then the industry node and the enterprise node(s), e.g. `88.118.8`. The suffix is ours to assign;
 * we build it as `<kind>.<local id>` so it is stable and readable, e.g. `meter.MTR-0001`.
 * The prefix is configuration, passed in by the caller: nothing here reads the environment.
 */

import { ValidationError } from '../errors.ts';

const PREFIX = /^\d+(\.\d+)+$/;
const SUFFIX = /^[A-Za-z0-9._-]+$/;
const KIND = /^[a-z][a-z0-9-]*$/;
/** Local ids keep to the suffix alphabet minus the dot, so `<kind>.<id>` splits back unambiguously. */
const LOCAL_ID = /^[A-Za-z0-9_-]+$/;
const MAX_LENGTH = 255;

export interface Handle {
  prefix: string;
  suffix: string;
  /** Prefix segments: `['88', '118', '8']`. */
  nodes: string[];
  nationalNode: string;
  industryNode: string;
  /** Everything after the industry node, e.g. `8` (may itself contain dots for sub-nodes). */
  enterpriseNode?: string;
}

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

export const isHandlePrefix = (prefix: string): boolean => PREFIX.test(prefix);

export const isHandleSuffix = (suffix: string): boolean => suffix.length <= MAX_LENGTH && SUFFIX.test(suffix);

/** Splits at the first `/`; returns undefined when either side is malformed. */
export const parseHandle = (text: string): Handle | undefined => {
  if (text.length > MAX_LENGTH) return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const prefix = text.slice(0, slash);
  const suffix = text.slice(slash + 1);
  if (!isHandlePrefix(prefix) || !SUFFIX.test(suffix)) return undefined;
  const nodes = prefix.split('.');
  const [nationalNode = '', industryNode = '', ...rest] = nodes;
  return {
    prefix,
    suffix,
    nodes,
    nationalNode,
    industryNode,
    ...(rest.length > 0 ? { enterpriseNode: rest.join('.') } : {}),
  };
};

export const isHandle = (text: string): boolean => parseHandle(text) !== undefined;

/** `prefix/suffix`, refusing either half when it would not parse back. */
export const formatHandle = (prefix: string, suffix: string): string => {
  if (!isHandlePrefix(prefix))
    throw invalid(
      '/prefix',
      `标识前缀 ${prefix} 须为以点分隔的数字 (handle prefix ${prefix} must be dot-separated digits)`,
    );
  if (!SUFFIX.test(suffix))
    throw invalid(
      '/suffix',
      `标识后缀 ${suffix} 含有不允许的字符 (handle suffix ${suffix} has characters outside [A-Za-z0-9._-])`,
    );
  const handle = `${prefix}/${suffix}`;
  if (handle.length > MAX_LENGTH)
    throw invalid(
      '/suffix',
      `标识长度超过 ${MAX_LENGTH} 个字符 (handle is longer than ${MAX_LENGTH} characters)`,
    );
  return handle;
};

/** `makeSuffix('meter', 'MTR-0001')` → `meter.MTR-0001`; the same input always gives the same suffix. */
export const makeSuffix = (kind: string, id: string): string => {
  if (!KIND.test(kind))
    throw invalid(
      '/kind',
      `后缀类型 ${kind} 只能含小写字母、数字和 '-' (suffix kind ${kind} must be lower-case letters, digits, '-')`,
    );
  if (!LOCAL_ID.test(id))
    throw invalid('/id', `本地编号 ${id} 须匹配 [A-Za-z0-9_-]+ (local id ${id} must match [A-Za-z0-9_-]+)`);
  return `${kind}.${id}`;
};

/** The inverse of `makeSuffix`; undefined for suffixes we did not build that way. */
export const parseSuffix = (suffix: string): { kind: string; id: string } | undefined => {
  const dot = suffix.indexOf('.');
  if (dot < 0) return undefined;
  const kind = suffix.slice(0, dot);
  const id = suffix.slice(dot + 1);
  return KIND.test(kind) && LOCAL_ID.test(id) ? { kind, id } : undefined;
};

/** `makeHandle('88.118.8', 'meter', 'MTR-0001')` → `88.118.8/meter.MTR-0001`. */
export const makeHandle = (prefix: string, kind: string, id: string): string =>
  formatHandle(prefix, makeSuffix(kind, id));
