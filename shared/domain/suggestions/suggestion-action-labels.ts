import type { SuggestionAction } from './suggestion-record.ts';

/** What people read for each suggestion action, in refusals and on buttons (zh-CN, English beside it). */
export const SUGGESTION_ACTION_LABELS: Readonly<Record<SuggestionAction, { zh: string; en: string }>> = {
  accept: { zh: '受理', en: 'accept' },
  convert: { zh: '转为其他事项', en: 'convert' },
  assign: { zh: '交办', en: 'assign' },
  assignSeparately: { zh: '分别交办', en: 'assign separately' },
  setKeySupervision: { zh: '重点督办', en: 'set key supervision' },
  submitCoOpinion: { zh: '提交协办意见', en: 'submit the co-handling opinion' },
  requestHandBack: { zh: '申请退回', en: 'request a hand-back' },
  approveHandBack: { zh: '同意退回', en: 'approve the hand-back' },
  rejectHandBack: { zh: '不同意退回', en: 'reject the hand-back' },
  requestExtension: { zh: '申请延期', en: 'request an extension' },
  approveExtension: { zh: '批准延期', en: 'approve the extension' },
  rejectExtension: { zh: '驳回延期', en: 'reject the extension' },
  reply: { zh: '答复', en: 'reply' },
  rate: { zh: '评价', en: 'rate' },
  followUp: { zh: '跟踪落实', en: 'follow up' },
  markSolved: { zh: '办结', en: 'mark solved' },
};
