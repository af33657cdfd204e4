import type { MouseEvent, ReactNode } from 'react';
import { useRouter } from '../../shared/router.tsx';

export const BASE = '/console/';

/** An in-console link: a real href (open in a new tab, bookmark), navigated without a reload. */
export const Link = ({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ReactNode;
  'aria-label'?: string;
}) => {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={onClick} {...rest}>
      {children}
    </a>
  );
};
