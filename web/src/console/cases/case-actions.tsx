import type { CaseView } from '../api.ts';
import type { FieldSpec } from '../components/ActionModal.tsx';
import { DuplicatePicker } from './DuplicatePicker.tsx';

const note: FieldSpec = { name: 'note', label: '说明', kind: 'textarea' };
const reason: FieldSpec = { name: 'reason', label: '理由', kind: 'textarea', required: true };

/** The fields of each case action's payload (shared/domain/cases/case-payloads.ts). */
export const caseActionFields = (action: string, record: CaseView): FieldSpec[] => {
  switch (action) {
    case 'reject':
    case 'returnToDispatcher':
    case 'rejectExtension':
    case 'sendBackForRework':
      return [reason];
    case 'markDuplicate':
      return [
        {
          name: 'duplicateOf',
          label: '原案件',
          kind: 'custom',
          required: true,
          render: () => <DuplicatePicker record={record} />,
        },
        note,
      ];
    case 'dispatch':
      return [
        { name: 'leadDepartmentId', label: '主办部门', kind: 'department', required: true },
        { name: 'coDepartmentIds', label: '协办部门', kind: 'departments' },
        note,
      ];
    case 'requestExtension':
      return [
        { name: 'amount', label: '延长时长', kind: 'number', required: true, initial: 2 },
        {
          name: 'unit',
          label: '单位',
          kind: 'select',
          required: true,
          initial: 'workingDays',
          options: [
            { value: 'workingDays', label: '工作日' },
            { value: 'workingHours', label: '工作小时' },
          ],
        },
        reason,
      ];
    case 'submitRectification':
      return [{ name: 'mediaIds', label: '整改照片', kind: 'photos', required: true }, note];
    case 'suspend':
      return [reason, { name: 'nextReviewDate', label: '下次复核日期', kind: 'date', required: true }];
    case 'rate':
      return [];
    default:
      return [note];
  }
};

/** Actions that move the case forward are primary; refusals and returns are not. */
export const PRIMARY_ACTIONS = new Set([
  'accept',
  'dispatch',
  'signFor',
  'submitRectification',
  'headSignOff',
  'verify',
  'approveExtension',
  'resume',
]);
export const DANGER_ACTIONS = new Set([
  'reject',
  'returnToDispatcher',
  'sendBackForRework',
  'rejectExtension',
]);
