import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { CaseView, Department } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { useConsole } from '../context.tsx';
import { caseActionFields, DANGER_ACTIONS, PRIMARY_ACTIONS } from './case-actions.tsx';
import { CASE_ACTION_LABELS } from './labels.ts';

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
  const { message } = App.useApp();
  const [action, setAction] = useState<string>();
  const label = (name: string) => CASE_ACTION_LABELS[name as keyof typeof CASE_ACTION_LABELS]?.zh ?? name;
  const actions = record.allowedActions.filter((a) => a !== 'rate');
  if (actions.length === 0) return null;
  return (
    <Space wrap aria-label="可办理的操作">
      {actions.map((name) => (
        <Button
          key={name}
          type={PRIMARY_ACTIONS.has(name) ? 'primary' : 'default'}
          danger={DANGER_ACTIONS.has(name)}
          onClick={() => setAction(name)}
        >
          {label(name)}
        </Button>
      ))}
      {action === undefined ? null : (
        <ActionModal
          open
          title={`${label(action)}：${record.title}`}
          okText={label(action)}
          fields={caseActionFields(action, record)}
          api={api}
          departments={departments}
          onCancel={() => setAction(undefined)}
          onSubmit={async (payload) => {
            await api.transitionCase(record.id, { action, payload, version: record.version });
            message.success(`已${label(action)}`);
            setAction(undefined);
            onDone();
          }}
        />
      )}
    </Space>
  );
};
