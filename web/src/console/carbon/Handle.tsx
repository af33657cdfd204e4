import { Button } from 'antd';
import { useState } from 'react';
import { messageOf } from '../lib/use-load.ts';
import { type ResolvedIdentifier, useCarbonApi } from './api.ts';

/** An industrial-internet identifier, resolved in place (`GET /identifiers/{handle}`) on demand. */
export const Handle = ({ handle }: { handle: string | undefined }) => {
  const api = useCarbonApi();
  const [resolved, setResolved] = useState<ResolvedIdentifier>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (handle === undefined) return <>—</>;
  const resolve = async () => {
    setBusy(true);
    try {
      setResolved(await api.resolve(handle));
      setError(undefined);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="qs-carbon-handle">
      <code>{handle}</code>
      {resolved === undefined ? (
        <Button
          size="small"
          type="link"
          loading={busy}
          onClick={() => void resolve()}
          aria-label={`解析标识 ${handle}`}
        >
          解析
        </Button>
      ) : null}
      {error === undefined ? null : <span className="qs-overdue">{error}</span>}
      {resolved === undefined ? null : (
        <ul aria-label={`标识 ${handle} 的解析结果`}>
          {resolved.elements.map((e) => (
            <li key={e.index}>
              {e.type}：{e.value}
            </li>
          ))}
          {resolved.links.map((l) => (
            <li key={`${l.rel}-${l.handle}`}>
              {l.rel} → <code>{l.handle}</code>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
};
