import { readFileSync } from 'node:fs';

/**
 * `npm start` runs npm → tsx → this process → java. `kill <pid>`, `timeout` and simple supervisors send
 * SIGTERM to npm alone, which exits without passing it on, and everything below would keep running with
 * every port bound. So the stack watches the process that launched tsx: once it is gone (tsx has been
 * handed to another parent) or tsx itself is, the stack shuts down as if it had received SIGTERM.
 */
export const watchLauncher = (onGone: () => void, everyMs = 500): (() => void) => {
  const parent = process.ppid;
  const launcher = parentOf(parent);
  // Not Linux (no /proc), or nothing above us to watch: signals are all there is.
  if (launcher === undefined || launcher <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && parentOf(parent) === launcher) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

/** The parent pid of `pid` from /proc/<pid>/stat (field 4, after the parenthesised command name). */
export const parentOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
};
