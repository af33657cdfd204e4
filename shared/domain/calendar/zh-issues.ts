/**
 * zod's own messages are English; people loading a calendar read Chinese. Each field of the calendar
 * format gets this error map, so a missing, mistyped or unknown field is named in zh-CN first with
 * English beside it. Checks with their own message (min, max, refinements) keep that message.
 */

interface IssueShape {
  code?: string;
  input?: unknown;
  keys?: readonly string[];
}

export const zhMessage =
  (zh: string, en: string, hint?: string) =>
  (issue: IssueShape): string => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return `缺少${zh} (${en} is required)`;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue.keys ?? []).join('、');
      return `${zh}含未知字段：${keys} (unknown fields: ${(issue.keys ?? []).join(', ')})`;
    }
    return `${zh}无效${hint === undefined ? '' : `：${hint}`} (invalid ${en})`;
  };
