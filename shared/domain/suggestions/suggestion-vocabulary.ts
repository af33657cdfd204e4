/**
 * The words of the suggestion workflow (代表建议): its states, subject areas, reply classes, ratings
 * and conversion targets, each with the labels people read (zh-CN first). The record that uses them
 * is suggestion-record.ts.
 */

/** The states of a suggestion, with the labels people read. */
export const SUGGESTION_STATES = [
  'submitted',
  'accepted',
  'converted',
  'assigned',
  'replied',
  'rehandling',
  'followingUp',
  'closed',
  'split',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_STATE_LABELS: Readonly<Record<SuggestionState, { zh: string; en: string }>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  converted: { zh: '已转为其他事项处理', en: 'Converted' },
  assigned: { zh: '办理中', en: 'Assigned, being handled' },
  replied: { zh: '已答复', en: 'Replied, awaiting ratings' },
  rehandling: { zh: '重新办理', en: 'Re-handling' },
  followingUp: { zh: '跟踪落实', en: 'Following up' },
  closed: { zh: '已办结', en: 'Closed' },
  split: { zh: '已分别交办', en: 'Split: each unit handles its own part' },
};

/** States in which the suggestion is still with a handling unit or its deputies. */
export const OPEN_SUGGESTION_STATES: readonly SuggestionState[] = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'rehandling',
  'followingUp',
];

/** Subject areas, as the 人大常委会 office sorts suggestions for assignment. */
export const SUGGESTION_CATEGORIES = [
  'ecology',
  'pollutionControl',
  'energyAndCarbon',
  'urbanConstruction',
  'transport',
  'economy',
  'socialAffairs',
  'other',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_CATEGORY_LABELS: Readonly<Record<SuggestionCategory, { zh: string; en: string }>> = {
  ecology: { zh: '生态保护', en: 'Ecology' },
  pollutionControl: { zh: '污染防治', en: 'Pollution control' },
  energyAndCarbon: { zh: '节能降碳', en: 'Energy and carbon' },
  urbanConstruction: { zh: '城乡建设', en: 'Urban and rural construction' },
  transport: { zh: '交通运输', en: 'Transport' },
  economy: { zh: '财政经济', en: 'Economy and finance' },
  socialAffairs: { zh: '社会事务', en: 'Social affairs' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * The class a reply gives the suggestion (答复分类). The A/B/C/D wording below is Qingshan's own. There
 * is no single national wording: each 人大常委会 (or the people's government receiving the suggestions)
 * fixes it in its own 代表建议办理办法 / 办理工作通知, and published handling reports show variants, e.g.
 * the NPC Standing Committee office's report on the 9th NPC 5th session suggestions (已解决或基本解决 /
 * 正在解决或已列入规划将逐步解决 / 因目前条件限制或其他原因需待以后解决 / 留作有关部门研究参考; Xinhua via
 * chinanews.com.cn, 2003-01-29, http://chinanews.com.cn/n/2003-01-29/26/268631.html) and county-level
 * reports that add 已通过其他途径解决 to A or split 已列入规划计划 into its own class. A city adopting
 * Qingshan should replace the labels with those of its own 办理办法.
 */
export const REPLY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

export const REPLY_CLASS_LABELS: Readonly<Record<ReplyClass, { zh: string; en: string }>> = {
  A: { zh: '已解决或基本解决', en: 'Solved or basically solved' },
  B: { zh: '正在解决或列入计划解决', en: 'Being solved or planned' },
  C: { zh: '因条件限制暂时不能解决', en: 'Cannot be solved yet for lack of conditions' },
  D: { zh: '留作参考', en: 'Kept for reference' },
};

/** B-class replies are followed up (跟踪落实) until the unit reports the matter solved. */
export const FOLLOW_UP_CLASSES: readonly ReplyClass[] = ['B'];

export const SUGGESTION_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type SuggestionRating = (typeof SUGGESTION_RATINGS)[number];

export const SUGGESTION_RATING_LABELS: Readonly<Record<SuggestionRating, { zh: string; en: string }>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
};

/** Where the suggestion goes instead when it is converted rather than accepted as a suggestion. */
export const CONVERSION_TARGETS = ['case', 'opinion'] as const;
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number];
