import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { Department, SuggestionView } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { useConsole } from '../context.tsx';
import { suggestionActionLabel } from './labels.ts';
import { suggestionActionFields } from './suggestion-actions.ts';

const PRIMARY = new Set([
  'accept',
  'assign',
  'reply',
  'approveExtension',
  'approveHandBack',
  'submitCoOpinion',
  'markSolved',
]);
const DANGER = new Set(['rejectExtension', 'rejectHandBack', 'requestHandBack']);

/** One button per action in `allowedActions` (rating is the deputies'), each with its form. */
export const SuggestionActions = ({
  record,
  departments,
  onDone,
}: {
  record: SuggestionView;
  departments: readonly Department[];
  onDone: () => void;
}) => {
  const { api } = useConsole();
  const { message } = App.useApp();
  const [action, setAction] = useState<string>();
  const actions = record.allowedActions.filter((a) => a !== 'rate');
  if (actions.length === 0) return null;
  return (
    <Space wrap aria-label="可办理的操作">
      {actions.map((name) => (
        <Button
          key={name}
          type={PRIMARY.has(name) ? 'primary' : 'default'}
          danger={DANGER.has(name)}
          onClick={() => setAction(name)}
        >
          {suggestionActionLabel(name)}
        </Button>
      ))}
      {action === undefined ? null : (
        <ActionModal
          open
          title={`${suggestionActionLabel(action)}：${record.title}`}
          okText={suggestionActionLabel(action)}
          fields={suggestionActionFields(action, record)}
          api={api}
          departments={departments}
          onCancel={() => setAction(undefined)}
          onSubmit={async (payload) => {
            await api.transitionSuggestion(record.id, { action, payload, version: record.version });
            message.success(`已${suggestionActionLabel(action)}`);
            setAction(undefined);
            onDone();
          }}
        />
      )}
    </Space>
  );
};
