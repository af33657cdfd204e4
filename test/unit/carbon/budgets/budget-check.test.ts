import { describe, expect, it } from 'vitest';
import {
  type BudgetAlert,
  type BudgetCheckDeps,
  type BudgetKey,
  type BudgetRecord,
  budgetAlertsFor,
  budgetPeriodsOf,
  checkBudgets,
} from '../../../../shared/domain/carbon/budgets/budget-check.ts';

const NOW = new Date('2026-11-28T06:00:00Z');

const budget = (over: Partial<BudgetRecord> = {}): BudgetRecord => ({
  level: 'enterprise',
  targetId: 'E1',
  period: '2026-11',
  metric: 'co2e',
  limitTonnes: 100,
  warningRatio: 0.8,
  version: 1,
  updatedAt: '2026-11-01T00:00:00Z',
  updatedBy: 'admin',
  ...over,
});

const total = (co2eT: number, over: Partial<BudgetKey> & { tce?: number } = {}) => ({
  level: 'enterprise' as const,
  targetId: 'E1',
  period: '2026-11',
  co2eT,
  tce: 0,
  ...over,
});

describe('budgetAlertsFor', () => {
  it('owes nothing below the warning line, a warning at 80 %, both at the limit', () => {
    expect(budgetAlertsFor([total(79.99)], [budget()], NOW)).toEqual([]);
    const atWarning = budgetAlertsFor([total(80)], [budget()], NOW);
    expect(atWarning.map((alert) => alert.kind)).toEqual(['budgetWarning']);
    expect(atWarning[0]).toMatchObject({ threshold: 80, value: 80, limit: 100, raisedAt: NOW.toISOString() });
    expect(atWarning[0]?.message).toContain('预警');
    const atLimit = budgetAlertsFor([total(100)], [budget()], NOW);
    expect(atLimit.map((alert) => alert.kind)).toEqual(['budgetWarning', 'budgetBreach']);
    expect(atLimit[1]?.message).toContain('超出预算');
  });

  it('matches totals to budgets by level, target and period', () => {
    const alerts = budgetAlertsFor(
      [total(95, { targetId: 'E2' }), total(50, { period: '2026-10' }), total(10)],
      [budget({ warningRatio: 0.5, limitTonnes: 20 })],
      NOW,
    );
    // E1 2026-11 used 10 of 20: exactly the 0.5 warning line, no breach.
    expect(alerts.map((alert) => [alert.kind, alert.value])).toEqual([['budgetWarning', 10]]);
  });

  it('treats a missing total as zero used', () => {
    expect(budgetAlertsFor([], [budget()], NOW)).toEqual([]);
  });

  it('judges a tce budget on the energy total, with its own alerts and message', () => {
    // 95 tCO2e (no carbon budget here) but 61 tce of a 60 tce energy budget: warning and breach in tce
    const alerts = budgetAlertsFor(
      [total(95, { tce: 61 })],
      [budget({ metric: 'tce', limitTonnes: 60 }), budget({ limitTonnes: 200 })],
      NOW,
    );
    expect(alerts.map((a) => [a.metric, a.kind, a.value])).toEqual([
      ['tce', 'budgetWarning', 61],
      ['tce', 'budgetBreach', 61],
    ]);
    expect(alerts[1]?.message).toBe('企业 E1 2026-11 能耗已超出预算（61 / 60 tce，101.7%）');
  });
});

describe('budgetPeriodsOf', () => {
  it('turns touched hours and days into their months and years', () => {
    expect(budgetPeriodsOf(['2026-11-28T07', '2026-11-28', '2026-12-01'])).toEqual([
      '2026',
      '2026-11',
      '2026-12',
    ]);
  });
});

/** In-memory ports with the same contract as the DynamoDB adapter (put-if-absent alerts). */
const memoryPorts = (budgets: BudgetRecord[], monthTotals: Record<string, number>) => {
  const alerts = new Map<string, BudgetAlert>();
  const reads: BudgetKey[][] = [];
  const deps: BudgetCheckDeps = {
    now: () => NOW,
    readBudgets: async (keys) =>
      budgets.filter((b) =>
        keys.some(
          (k) =>
            k.level === b.level &&
            k.targetId === b.targetId &&
            k.period === b.period &&
            (k.metric ?? 'co2e') === b.metric,
        ),
      ),
    readMonthTotals: async (keys) => {
      reads.push([...keys]);
      return keys.flatMap((k) => {
        const co2eT = monthTotals[`${k.level}#${k.targetId}#${k.period}`];
        const tce = monthTotals[`${k.level}#${k.targetId}#${k.period}#tce`] ?? 0;
        return co2eT === undefined ? [] : [{ ...k, co2eT, tce }];
      });
    },
    raiseAlert: async (alert) => {
      const key = `${alert.level}#${alert.targetId}#${alert.kind}#${alert.metric === 'tce' ? 'tce#' : ''}${alert.period}`;
      if (alerts.has(key)) return false;
      alerts.set(key, alert);
      return true;
    },
  };
  return { deps, alerts, reads };
};

describe('checkBudgets', () => {
  it('raises one alert per crossing, however often it runs', async () => {
    const { deps, alerts } = memoryPorts([budget()], { 'enterprise#E1#2026-11': 85 });
    const input = { enterpriseId: 'E1', industryCode: 'C3311', periods: ['2026-11-28T07'] };
    expect((await checkBudgets(deps, input)).map((alert) => alert.kind)).toEqual(['budgetWarning']);
    expect(await checkBudgets(deps, input)).toEqual([]);
    expect(await checkBudgets(deps, input)).toEqual([]);
    expect([...alerts.keys()]).toEqual(['enterprise#E1#budgetWarning#2026-11']);
  });

  it('totals a yearly budget from the 12 month rollups and checks industry and city too', async () => {
    const { deps, alerts, reads } = memoryPorts(
      [
        budget({ period: '2026', limitTonnes: 1000 }),
        budget({ level: 'city', targetId: 'city', period: '2026-11', limitTonnes: 50 }),
        budget({ level: 'industry', targetId: 'C3311', period: '2026-11', limitTonnes: 500 }),
      ],
      // E1 year: 300 + 450 + 260 = 1010 ≥ 1000 → warning and breach; city Nov 40 ≥ 0.8 × 50 = 40 → warning;
      // industry Nov 120 < 400 → nothing.
      {
        'enterprise#E1#2026-01': 300,
        'enterprise#E1#2026-06': 450,
        'enterprise#E1#2026-11': 260,
        'city#city#2026-11': 40,
        'industry#C3311#2026-11': 120,
      },
    );
    const raised = await checkBudgets(deps, {
      enterpriseId: 'E1',
      industryCode: 'C3311',
      periods: ['2026-11-28'],
    });
    expect(raised.map((a) => `${a.level}:${a.kind}:${a.period}:${a.value}`).sort()).toEqual([
      'city:budgetWarning:2026-11:40',
      'enterprise:budgetBreach:2026:1010',
      'enterprise:budgetWarning:2026:1010',
    ]);
    expect(alerts.size).toBe(3);
    // One read of month totals: 12 months for the year budget + 1 city + 1 industry month.
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(14);
  });

  it('checks a yearly tce budget beside the carbon one, from the same month totals', async () => {
    const { deps, alerts } = memoryPorts(
      [
        budget({ period: '2026', limitTonnes: 1000 }),
        budget({ period: '2026', metric: 'tce', limitTonnes: 100 }),
      ],
      // E1 2026: 300 + 260 = 560 tCO2e (< 800 warning line); 70 + 40 = 110 tce ≥ 100 → both tce alerts
      {
        'enterprise#E1#2026-01': 300,
        'enterprise#E1#2026-01#tce': 70,
        'enterprise#E1#2026-11': 260,
        'enterprise#E1#2026-11#tce': 40,
      },
    );
    const raised = await checkBudgets(deps, {
      enterpriseId: 'E1',
      industryCode: 'C3311',
      periods: ['2026-11'],
    });

    expect(raised.map((a) => `${a.metric}:${a.kind}:${a.value}`)).toEqual([
      'tce:budgetWarning:110',
      'tce:budgetBreach:110',
    ]);
    expect([...alerts.keys()].sort()).toEqual([
      'enterprise#E1#budgetBreach#tce#2026',
      'enterprise#E1#budgetWarning#tce#2026',
    ]);
  });

  it('reads no totals when the targets have no budgets', async () => {
    const { deps, reads } = memoryPorts([], { 'enterprise#E1#2026-11': 1e6 });
    expect(
      await checkBudgets(deps, { enterpriseId: 'E1', industryCode: 'C3311', periods: ['2026-11'] }),
    ).toEqual([]);
    expect(reads).toHaveLength(0);
  });
});
