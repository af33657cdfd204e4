import type { Department, SuggestionView } from '../api.ts';
import { ActionButtons } from '../components/ActionButtons.tsx';
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
  return (
    <ActionButtons
      title={record.title}
      allowedActions={record.allowedActions}
      label={suggestionActionLabel}
      fieldsOf={(action) => suggestionActionFields(action, record)}
      primary={PRIMARY}
      danger={DANGER}
      departments={departments}
      submit={(action, payload) =>
        api.transitionSuggestion(record.id, { action, payload, version: record.version })
      }
      onDone={onDone}
    />
  );
};
