/**
 * DynamoDB's number arithmetic, for tests: an exact decimal sum (coefficient × 10^exponent, in
 * BigInt) of what the SDK would send — the shortest decimal of a double, or a bigint's digits —
 * with the count of significant digits DynamoDB would have to keep (it refuses more than 38).
 */
export class DecimalSum {
  #coefficient = 0n;
  #exponent = 0;

  add(value: number | bigint): this {
    const [coefficient, exponent] = parseDecimal(String(value));
    return this.#addParts(coefficient, exponent);
  }

  addDecimal(other: DecimalSum): this {
    return this.#addParts(other.#coefficient, other.#exponent);
  }

  /** `123e-5`: exact, and readable by Number(). */
  toString(): string {
    return `${this.#coefficient}e${this.#exponent}`;
  }

  #addParts(coefficient: bigint, exponent: number): this {
    const low = Math.min(this.#exponent, exponent);
    this.#coefficient =
      this.#coefficient * 10n ** BigInt(this.#exponent - low) + coefficient * 10n ** BigInt(exponent - low);
    this.#exponent = low;
    this.#normalise();
    return this;
  }

  /** Significant digits of the exact sum (0 for zero). */
  digits(): number {
    const abs = this.#coefficient < 0n ? -this.#coefficient : this.#coefficient;
    return abs === 0n ? 0 : abs.toString().length;
  }

  /** The exact sum when it is an integer, else undefined. */
  integer(): bigint | undefined {
    return this.#exponent >= 0 ? this.#coefficient * 10n ** BigInt(this.#exponent) : undefined;
  }

  #normalise(): void {
    if (this.#coefficient === 0n) {
      this.#exponent = 0;
      return;
    }
    while (this.#coefficient % 10n === 0n) {
      this.#coefficient /= 10n;
      this.#exponent += 1;
    }
  }
}

/** `"-1.25e-7"` → [-125n, -9]. */
const parseDecimal = (text: string): [bigint, number] => {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const coefficient = BigInt(`${sign}${whole}${fraction}`);
  return [coefficient, Number(exponent) - fraction.length];
};
