import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../shared/observability/logger.ts';
import { progressSink } from '../../../shared/observability/progress.ts';

/**
 * A long job's progress in a log (a Lambda, or `npm run bench` piped to a file): a 100 000-row
 * import at 10 rows/s passes a tenth every 17 minutes, and a log silent that long reads as a stall
 * (docs/imports.md, "Measured": a run stopped after 7 minutes of apparent silence).
 */
describe('progress sink without a terminal', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('logs each tenth, and at least once a minute while a slow run moves', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 7, 15, 0) });
    const lines: unknown[] = [];
    vi.spyOn(logger, 'info').mockImplementation((_message, ...fields) => {
      lines.push(fields[0]);
    });
    const sink = progressSink('import bench', {});
    // 200 rows every 20 s: 10 minutes, 6 000 rows, not yet a tenth of 100 000.
    for (let done = 200; done <= 6_000; done += 200) {
      sink(done, 100_000);
      vi.advanceTimersByTime(20_000);
    }
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines[0]).toEqual({ job: 'import bench', done: 200, total: 100_000 });
    expect(lines.at(-1)).toMatchObject({ done: expect.any(Number), total: 100_000 });

    // A fast run still logs once a tenth, not once a call.
    lines.length = 0;
    const fast = progressSink('fast', {});
    for (let done = 200; done <= 100_000; done += 200) fast(done, 100_000);
    expect(lines).toHaveLength(11);
  });
});
