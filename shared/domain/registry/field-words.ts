import type { MeasuredParameterName } from '../carbon/accounting/measured-parameters.ts';

/**
 * Words for registry fields that more than the console's registry pages show: the measured fuel
 * parameters (实测值, docs/accounting.md) and a meter's energy type. The console's field dictionary
 * (web/src/console/registry/field-labels.ts, labels.ts: forms and the audit trail) and the import
 * templates' columns (shared/domain/imports/templates.ts) take them from here, so a file's header,
 * a form and a meter's history name a field alike.
 */

export const MEASURED_PARAMETER_LABELS: Readonly<Record<MeasuredParameterName, string>> = {
  ncv: '低位发热量',
  'carbon-content': '单位热值含碳量',
  'oxidation-rate': '碳氧化率',
  density: '密度',
};

/** A measured parameter's unit as a field or a column: `低位发热量单位`. */
export const measuredUnitLabel = (parameter: MeasuredParameterName): string =>
  `${MEASURED_PARAMETER_LABELS[parameter]}单位`;

/** A meter's `energyType` (an energy report's column too). */
export const ENERGY_TYPE_LABEL = '能源品种';
