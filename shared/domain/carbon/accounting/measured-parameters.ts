import { AccountingError } from './errors.ts';

/**
 * Measured parameters (实测值): GB/T 32150 and the MEE guidelines let an enterprise replace a
 * default with what it measured for a delivered fuel — NCV, carbon content per unit heat,
 * oxidation rate, density — for the period the measurement holds. A meter or a fuel delivery
 * carries them; a result cites each one it used.
 */

export const MEASURED_PARAMETER_NAMES = ['ncv', 'carbon-content', 'oxidation-rate', 'density'] as const;
export type MeasuredParameterName = (typeof MEASURED_PARAMETER_NAMES)[number];

/** Units accepted per parameter; each converts exactly to the engine's unit (first entry). */
const FACTORS_TO_ENGINE_UNIT: Record<MeasuredParameterName, Record<string, [number, string]>> = {
  ncv: {
    'GJ/t': [1, 'GJ/t'],
    'MJ/kg': [1, 'GJ/t'],
    'GJ/10^4Nm3': [1, 'GJ/10^4Nm3'],
    'MJ/Nm3': [10, 'GJ/10^4Nm3'],
  },
  'carbon-content': { 'tC/TJ': [1, 'tC/TJ'], 'tC/GJ': [1000, 'tC/TJ'] },
  'oxidation-rate': { fraction: [1, 'fraction'], '%': [0.01, 'fraction'] },
  density: { 'kg/L': [1, 'kg/L'], 't/m3': [1, 'kg/L'], 'kg/m3': [0.001, 'kg/L'] },
};

export const MEASURED_PARAMETER_UNITS: Readonly<Record<MeasuredParameterName, readonly string[]>> = {
  ncv: Object.keys(FACTORS_TO_ENGINE_UNIT.ncv),
  'carbon-content': Object.keys(FACTORS_TO_ENGINE_UNIT['carbon-content']),
  'oxidation-rate': Object.keys(FACTORS_TO_ENGINE_UNIT['oxidation-rate']),
  density: Object.keys(FACTORS_TO_ENGINE_UNIT.density),
};

export interface MeasuredParameter {
  parameter: MeasuredParameterName;
  value: number;
  unit: string;
  /** First and last local day (YYYY-MM-DD, inclusive) the measurement applies to. */
  validFrom: string;
  validTo: string;
  /** Where the value comes from: laboratory report, delivery note, supplier certificate. */
  source: string;
}

/** A measured parameter as a result cites it: the input, and the value the engine computed with. */
export interface UsedMeasuredParameter extends MeasuredParameter {
  engineValue: number;
  engineUnit: string;
  /** The library default it replaced (`id@version`), when there was one. */
  replaces?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem with one measured parameter, as [field, zh-CN (English) message] pairs. */
export const measuredParameterProblems = (p: MeasuredParameter): [string, string][] => {
  const problems: [string, string][] = [];
  const units = FACTORS_TO_ENGINE_UNIT[p.parameter];
  if (units === undefined) return [['parameter', `实测参数无效 (unknown parameter ${String(p.parameter)})`]];
  if (!(p.unit in units)) {
    problems.push([
      'unit',
      `实测参数单位无效 (${p.unit} is not a unit of ${p.parameter}: ${Object.keys(units).join(', ')})`,
    ]);
  }
  if (!Number.isFinite(p.value) || p.value <= 0) {
    problems.push(['value', `实测值必须为正数 (${p.parameter} must be a positive number)`]);
  } else if (p.parameter === 'oxidation-rate' && p.unit in units && toEngineUnit(p).value > 1) {
    problems.push(['value', '碳氧化率不能超过100% (an oxidation rate is at most 100 %)']);
  }
  if (!DATE.test(p.validFrom) || !DATE.test(p.validTo) || p.validFrom > p.validTo) {
    problems.push([
      'validTo',
      `有效期无效 (validFrom ${p.validFrom} must be a date on or before validTo ${p.validTo})`,
    ]);
  }
  if (typeof p.source !== 'string' || p.source.trim() === '') {
    problems.push(['source', '须注明实测值来源 (name the report or delivery note the value comes from)']);
  }
  return problems;
};

/** Two measurements of the same parameter may not both hold on one day: which one would apply? */
export const overlappingParameters = (list: readonly MeasuredParameter[]): [number, number][] => {
  const pairs: [number, number][] = [];
  list.forEach((a, i) => {
    list.forEach((b, j) => {
      if (j > i && a.parameter === b.parameter && a.validFrom <= b.validTo && b.validFrom <= a.validTo)
        pairs.push([i, j]);
    });
  });
  return pairs;
};

export const toEngineUnit = (p: MeasuredParameter): { value: number; unit: string } => {
  const conversion = FACTORS_TO_ENGINE_UNIT[p.parameter]?.[p.unit];
  if (conversion === undefined) {
    throw new AccountingError(
      'unit-mismatch',
      `${p.unit} is not a unit of ${p.parameter}`,
      '/measuredParameters',
    );
  }
  return { value: p.value * conversion[0], unit: conversion[1] };
};

/**
 * The measurement of `parameter` that holds on `date`, checked. Throws when the list itself is
 * unusable (an invalid entry, two that hold at once), so a bad measurement never silently falls
 * back to the default.
 */
export const measuredOn = (
  list: readonly MeasuredParameter[] | undefined,
  parameter: MeasuredParameterName,
  date: string | undefined,
): { parameter: MeasuredParameter; engine: { value: number; unit: string } } | undefined => {
  if (list === undefined || list.length === 0) return undefined;
  if (date === undefined || !DATE.test(date)) {
    throw new AccountingError(
      'invalid-parameter',
      'measured parameters need the activity date (YYYY-MM-DD)',
      '/date',
    );
  }
  list.forEach((p, index) => {
    const problem = measuredParameterProblems(p)[0];
    if (problem)
      throw new AccountingError(
        'invalid-parameter',
        problem[1],
        `/measuredParameters/${index}/${problem[0]}`,
      );
  });
  const holding = list.filter((p) => p.parameter === parameter && p.validFrom <= date && date <= p.validTo);
  if (holding.length > 1) {
    throw new AccountingError(
      'invalid-parameter',
      `two ${parameter} measurements hold on ${date}`,
      '/measuredParameters',
    );
  }
  const [found] = holding;
  return found === undefined ? undefined : { parameter: found, engine: toEngineUnit(found) };
};
