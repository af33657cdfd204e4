import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api.ts';

/** Loads on mount and whenever `key` changes; `reload` reads again (after an action). */
export const useLoad = <T>(load: () => Promise<T>, key: string) => {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads.
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error: messageOf(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
};

/** What people read of a refusal: the problem's zh-CN detail, else its title, else the status. */
export const messageOf = (error: unknown): string => {
  if (error instanceof ApiError)
    return error.problem?.detail ?? error.problem?.title ?? `HTTP ${error.status}`;
  return error instanceof Error ? `网络错误：${error.message}` : String(error);
};
