/** The roles as people call them. */
export const ROLE_LABELS: Record<string, string> = {
  deputy: '代表',
  handler: '承办人',
  head: '部门负责人',
  supervisor: '人大工作人员',
  admin: '管理员',
};
