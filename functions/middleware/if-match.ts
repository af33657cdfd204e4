/**
 * The version a writer says it read: `version` in the body wins, else `If-Match: "3"` or `If-Match: 3`;
 * anything else (e.g. `*`) sets no expectation. Same rule as `POST /cases/{id}/transitions`.
 */
export const expectedVersion = (bodyVersion: number | undefined, ifMatch: string | undefined) => {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = ifMatch?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
