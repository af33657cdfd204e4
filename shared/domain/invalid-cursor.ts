import { ValidationError } from './errors.ts';

/** The refusal of any cursor this API did not issue for the list it is sent to. */
export const invalidCursor = (): ValidationError =>
  new ValidationError('翻页游标无效 (invalid cursor)', [
    {
      path: '/query/cursor',
      message:
        '不是本列表上一页返回的游标，请去掉 cursor 从第一页读起 (not a cursor this list issued; omit it to start from the first page)',
    },
  ]);
