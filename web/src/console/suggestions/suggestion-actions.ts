import type { SuggestionView } from '../api.ts';
import type { FieldSpec } from '../components/ActionModal.tsx';
import { REPLY_CLASS_OPTIONS } from './labels.ts';

const note: FieldSpec = { name: 'note', label: '说明', kind: 'textarea' };
const reason: FieldSpec = { name: 'reason', label: '理由', kind: 'textarea', required: true };
const text = (label: string, max = 10000): FieldSpec => ({
  name: 'text',
  label,
  kind: 'textarea',
  required: true,
  max,
});
const photos: FieldSpec = { name: 'mediaIds', label: '附件（照片）', kind: 'photos' };

/** The fields of each suggestion action's payload (shared/domain/suggestions/suggestion-payloads.ts). */
export const suggestionActionFields = (action: string, record: SuggestionView): FieldSpec[] => {
  switch (action) {
    case 'convert':
      return [
        {
          name: 'to',
          label: '转为',
          kind: 'select',
          required: true,
          options: [
            { value: 'case', label: '随手拍案件' },
            { value: 'opinion', label: '意见（不作为建议办理）' },
          ],
        },
        reason,
      ];
    case 'assign':
      return [
        { name: 'leadUnitId', label: '主办单位', kind: 'department', required: true },
        { name: 'coUnitIds', label: '协办单位', kind: 'departments' },
        note,
      ];
    case 'assignSeparately':
      return [
        {
          name: 'parts',
          label: '分别交办的单位（2–5 个，各自答复）',
          kind: 'departments',
          required: true,
          transform: (ids) => (ids as string[]).map((leadUnitId) => ({ leadUnitId, coUnitIds: [] })),
        },
        note,
      ];
    case 'setKeySupervision':
      return [{ name: 'leaderName', label: '督办领导', kind: 'text', required: true }, note];
    case 'submitCoOpinion':
      return [text('协办意见'), photos];
    case 'requestHandBack':
    case 'rejectHandBack':
    case 'rejectExtension':
      return [reason];
    case 'requestExtension':
      return [{ name: 'replyDue', label: '申请答复期限延至', kind: 'date', required: true }, reason];
    case 'approveExtension':
      return [{ name: 'replyDue', label: '批准的答复期限（不填则按申请）', kind: 'date' }, note];
    case 'reply':
      return [
        { name: 'class', label: '答复分类', kind: 'select', required: true, options: REPLY_CLASS_OPTIONS },
        text('答复内容', 20000),
        photos,
        ...(record.awaitingCoOpinions.length === 0
          ? []
          : [
              {
                name: 'proceedReason',
                label: `协办意见尚未收到（${record.awaitingCoOpinions.join('、')}）：如需先行答复，请说明理由`,
                kind: 'textarea' as const,
                payloadPath: 'proceedWithoutCoOpinion.reason',
              },
            ]),
      ];
    case 'followUp':
      return [text('落实情况'), photos];
    case 'markSolved':
      return [text('解决情况'), photos];
    default:
      return [note];
  }
};
