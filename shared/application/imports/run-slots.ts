import type { ActivitySlot } from '../../domain/imports/slot.ts';
import type { ImportStore } from '../../ports/import-store.ts';

/**
 * The slots of the account meters a run has met (docs/imports.md, "Throughput"): each account
 * meter's slots read once a run (one Query, without their history), then kept as the run books its
 * rows. A row is judged against them — its slot and the plausibility history — without a read of
 * its own. A slot another writer changed since is caught by the booking's condition on its version
 * (the row then goes the careful way: import-rows.ts), and a decision taken without a write (a
 * duplicate, a row applied before a crash) is checked on the slot as stored before it counts.
 */
export class RunSlots {
  readonly #store: ImportStore;
  readonly #meters = new Map<string, Promise<Map<string, ActivitySlot>>>();

  constructor(store: ImportStore) {
    this.#store = store;
  }

  #of(accountId: string, meterId: string): Promise<Map<string, ActivitySlot>> {
    const key = `${accountId}|${meterId}`;
    let slots = this.#meters.get(key);
    if (slots === undefined) {
      slots = this.#store
        .listSlots(accountId, meterId)
        .then((list) => new Map(list.map((slot) => [slot.period, slot])));
      this.#meters.set(key, slots);
    }
    return slots;
  }

  async slot(accountId: string, meterId: string, period: string): Promise<ActivitySlot | undefined> {
    return (await this.#of(accountId, meterId)).get(period);
  }

  /**
   * As `ImportStore.slotHistory`: the values of the (at most `limit`) latest slots before `period`,
   * most recent first — a change still pending counts as the value the slot is becoming.
   */
  async history(accountId: string, meterId: string, period: string, limit: number): Promise<number[]> {
    const slots = await this.#of(accountId, meterId);
    return [...slots.keys()]
      .filter((p) => p < period)
      .sort()
      .reverse()
      .slice(0, limit)
      .flatMap((p) => {
        const slot = slots.get(p);
        const micro = slot?.pending ? slot.pending.to?.micro : slot?.current?.micro;
        return micro === undefined ? [] : [micro];
      });
  }

  /** The slot as the run now knows it (history left out: the store keeps it). */
  async put(slot: ActivitySlot): Promise<void> {
    (await this.#of(slot.accountId, slot.meterId)).set(slot.period, { ...slot, history: [] });
  }
}
