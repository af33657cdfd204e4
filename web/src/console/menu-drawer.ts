import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** antd's `lg` breakpoint exactly as Layout.Sider queries it (its `dimensionMaxMap`). */
const BELOW_LG = 'screen and (max-width: 991.98px)';
const belowLg = () => typeof window.matchMedia === 'function' && window.matchMedia(BELOW_LG).matches;

export interface MenuDrawer {
  collapsed: boolean;
  /** Below `lg` and open: the backdrop shows; Escape, the backdrop and a pick close it. */
  open: boolean;
  onBreakpoint: (below: boolean) => void;
  onCollapse: (collapsed: boolean) => void;
  /** Closes the overlay and hands the focus back to the trigger (the picked link is hidden now). */
  close: () => void;
  /** The menu's `nav`: opening moves the focus to its current item, so the keyboard goes on there. */
  nav: RefObject<HTMLElement>;
  trigger: RefObject<HTMLButtonElement>;
}

/**
 * The console's menu below `lg`: antd's Sider, its `collapsed` controlled here, folds to nothing at
 * the breakpoint (its own matchMedia; the first state is read here too, so a phone never paints the
 * open menu first) and opens over the page like a drawer (console.css) instead of beside it.
 */
export const useMenuDrawer = (): MenuDrawer => {
  /** The window is below `lg`: the sider opens over the page, not beside it. */
  const [below, setBelow] = useState(belowLg);
  const [collapsed, setCollapsed] = useState(belowLg);
  const nav = useRef<HTMLElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const open = below && !collapsed;
  const close = useCallback(() => {
    setCollapsed(true);
    trigger.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    // Scrolled into the menu's own box when the current item is further down (an admin page).
    nav.current?.querySelector<HTMLElement>('.ant-menu-item-selected a, a')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close]);
  return { collapsed, open, onBreakpoint: setBelow, onCollapse: setCollapsed, close, nav, trigger };
};
