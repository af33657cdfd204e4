import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { Department } from '../api.ts';
import { useConsole } from '../context.tsx';
import { ActionModal, type FieldSpec } from './ActionModal.tsx';

/**
 * One button per action the API says the caller may take now (`allowedActions`; rating is the
 * deputies'), each opening its form; the same for cases and suggestions, which differ only in their
 * labels, forms, emphasis and the transition they post.
 */
export const ActionButtons = ({
  title,
  allowedActions,
  label,
  fieldsOf,
  primary,
  danger,
  departments,
  submit,
  onDone,
}: {
  title: string;
  allowedActions: readonly string[];
  label: (action: string) => string;
  fieldsOf: (action: string) => FieldSpec[];
  primary: ReadonlySet<string>;
  danger: ReadonlySet<string>;
  departments: readonly Department[];
  submit: (action: string, payload: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
}) => {
  const { api } = useConsole();
  const { message } = App.useApp();
  const [action, setAction] = useState<string>();
  const actions = allowedActions.filter((a) => a !== 'rate');
  if (actions.length === 0) return null;
  return (
    <Space wrap aria-label="可办理的操作">
      {actions.map((name) => (
        <Button
          key={name}
          type={primary.has(name) ? 'primary' : 'default'}
          danger={danger.has(name)}
          onClick={() => setAction(name)}
        >
          {label(name)}
        </Button>
      ))}
      {action === undefined ? null : (
        <ActionModal
          open
          title={`${label(action)}：${title}`}
          okText={label(action)}
          fields={fieldsOf(action)}
          api={api}
          departments={departments}
          onCancel={() => setAction(undefined)}
          onSubmit={async (payload) => {
            await submit(action, payload);
            message.success(`已${label(action)}`);
            setAction(undefined);
            onDone();
          }}
        />
      )}
    </Space>
  );
};
