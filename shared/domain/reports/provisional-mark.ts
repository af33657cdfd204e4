import { provisionalMarkOf, provisionalNote } from '../calendar/provisional-deadline.ts';

/**
 * How the workflow reports show a provisional deadline (docs/working-calendar.md): one counted past
 * the loaded working calendar, Monday to Friday, until that year's notice is loaded. The JSON keeps
 * the record's `provisional` and `provisionalSince` and adds the note people read; the CSV has a
 * column for it; the HTML puts a mark after the deadline and the note under the table, so a
 * provisional date is never read as final.
 */

export interface ProvisionalFacts {
  provisional?: true;
  provisionalSince?: string;
}

/** The mark after a provisional deadline in the HTML; the note under the table starts with it. */
export const PROVISIONAL_MARK = '※暂定';
/** The CSV cell of a provisional deadline. */
export const PROVISIONAL_CELL = '暂定 provisional';

/** The record's provisional facts, or nothing when its deadline is final. */
export const provisionalFactsOf = (record: ProvisionalFacts): ProvisionalFacts => {
  const mark = provisionalMarkOf(record);
  return mark === undefined ? {} : { provisional: true, provisionalSince: mark.since };
};

/** The note people read beside a provisional deadline, or undefined when it is final. */
export const provisionalNoteOf = (item: ProvisionalFacts, timeZone: string): string | undefined => {
  const mark = provisionalMarkOf(item);
  return mark === undefined ? undefined : provisionalNote(mark, timeZone);
};

/** The item with its note, for the JSON. */
export const withProvisionalNote = <T extends ProvisionalFacts>(item: T, timeZone: string) => {
  const note = provisionalNoteOf(item, timeZone);
  return note === undefined ? item : { ...item, provisionalNote: note };
};

/** A deadline as the HTML shows it: marked when provisional. */
export const markedDeadline = (text: string, item: ProvisionalFacts): string =>
  item.provisional === true ? `${text}${PROVISIONAL_MARK}` : text;

/** The notes under a table, once each (items marked since different dates get one note each). */
export const provisionalFootnotes = (items: readonly ProvisionalFacts[], timeZone: string): string[] => [
  ...new Set(
    items.flatMap((item) => {
      const note = provisionalNoteOf(item, timeZone);
      return note === undefined ? [] : [`${PROVISIONAL_MARK}${note.replace(/^暂定/, '')}`];
    }),
  ),
];
