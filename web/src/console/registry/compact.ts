type Filled<O> = { [K in keyof O]?: Exclude<O[K], null | undefined> };

/**
 * Form values as a request body. A create leaves out the optional fields not filled in (`compact`);
 * an update sends an emptied optional field as `null`, which the registry reads as "remove it".
 */
export const compact = <R extends object, O extends Record<string, unknown>>(
  required: R,
  optional: O,
): R & Filled<O> =>
  ({
    ...required,
    ...Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    ),
  }) as R & Filled<O>;

export const orNull = <O extends Record<string, unknown>>(
  optional: O,
): { [K in keyof O]: Exclude<O[K], undefined> | null } =>
  Object.fromEntries(
    Object.entries(optional).map(([k, v]) => [k, v === undefined || v === '' ? null : v]),
  ) as { [K in keyof O]: Exclude<O[K], undefined> | null };
