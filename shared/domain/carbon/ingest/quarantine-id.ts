/**
 * Quarantine ids carry the instant they were quarantined, so `POST /quarantine/{id}/replay` finds the
 * item by key (pk `QUARANTINE#<UTC day>`, sk `<ISO instant>#<id>`) without a scan or an index:
 * `20261129T020101123Z-<32 hex digest of the entry's key>` (quarantine-records.ts; the instant is
 * the first receipt's, entries made before dedup end in a uuid).
 */
const ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([0-9a-zA-Z-]{1,64})$/;

export const makeQuarantineId = (at: Date, unique: string): string =>
  `${at.toISOString().replace(/[-:.]/g, '')}-${unique}`;

/** What follows the instant: a digest of the entry's key (older entries: a uuid). */
export const uniquePartOf = (id: string): string => id.slice(id.indexOf('Z-') + 2);

/** The ISO instant a quarantine id was minted at; undefined for ids we did not mint. */
export const quarantinedAtOf = (id: string): string | undefined => {
  const m = ID.exec(id);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
};
