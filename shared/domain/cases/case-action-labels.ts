import type { CaseAction } from './case-record.ts';

/** What people read for each case action, in refusals and on buttons (zh-CN, English beside it). */
export const CASE_ACTION_LABELS: Readonly<Record<CaseAction, { zh: string; en: string }>> = {
  accept: { zh: '立案', en: 'accept' },
  reject: { zh: '不予立案', en: 'reject' },
  markDuplicate: { zh: '标记为重复案件', en: 'mark as duplicate' },
  dispatch: { zh: '派遣', en: 'dispatch' },
  returnToDispatcher: { zh: '退回派遣', en: 'return to the dispatcher' },
  signFor: { zh: '签收', en: 'sign for' },
  requestExtension: { zh: '申请延期', en: 'request an extension' },
  approveExtension: { zh: '批准延期', en: 'approve the extension' },
  rejectExtension: { zh: '驳回延期', en: 'reject the extension' },
  submitRectification: { zh: '提交整改', en: 'submit the rectification' },
  headSignOff: { zh: '负责人审核', en: 'head sign-off' },
  verify: { zh: '核实', en: 'verify' },
  sendBackForRework: { zh: '退回返工', en: 'send back for rework' },
  rate: { zh: '评价', en: 'rate' },
  suspend: { zh: '挂账', en: 'suspend' },
  resume: { zh: '恢复办理', en: 'resume' },
};
