/**
 * A value built on its first use and kept: zod schemas a module only needs when it parses something
 * cost every cold start that reaches the module their construction (docs/performance.md,
 * "Cold start"), so they are built here rather than at load.
 */
export const lazily = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
};
