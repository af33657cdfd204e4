import type { CaseView, Department } from '../api.ts';
import { ActionButtons } from '../components/ActionButtons.tsx';
import { useConsole } from '../context.tsx';
import { caseActionFields, DANGER_ACTIONS, PRIMARY_ACTIONS } from './case-actions.tsx';
import { CASE_ACTION_LABELS } from './labels.ts';

const label = (name: string) => CASE_ACTION_LABELS[name as keyof typeof CASE_ACTION_LABELS]?.zh ?? name;

/** One button per action the API says the caller may take now (`allowedActions`), and its form. */
export const CaseActions = ({
  record,
  departments,
  onDone,
}: {
  record: CaseView;
  departments: readonly Department[];
  onDone: () => void;
}) => {
  const { api } = useConsole();
  return (
    <ActionButtons
      title={record.title}
      allowedActions={record.allowedActions}
      label={label}
      fieldsOf={(action) => caseActionFields(action, record)}
      primary={PRIMARY_ACTIONS}
      danger={DANGER_ACTIONS}
      departments={departments}
      submit={(action, payload) =>
        api.transitionCase(record.id, { action, payload, version: record.version })
      }
      onDone={onDone}
    />
  );
};
