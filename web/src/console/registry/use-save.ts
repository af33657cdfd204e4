import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyRefusal, type Refusal } from './form-errors.ts';

/**
 * Runs a form's write: on success `done`; on a refusal the fields get their messages and, for a
 * version conflict, `reload` reads the record again so the form shows what the other tab saved.
 */
export const useSave = (form: FormInstance, fields: readonly string[], reload: () => void) => {
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await work();
    } catch (error) {
      const outcome = applyRefusal(form, fields, error);
      setRefusal(outcome);
      if (outcome.conflict) reload();
    } finally {
      setBusy(false);
    }
  };
  return { refusal, busy, run, clear: () => setRefusal(undefined) };
};
