/**
 * An item's size as DynamoDB counts it for capacity units (developer guide, "Item sizes"): each
 * attribute's name and value in bytes — strings in UTF-8, numbers about one byte per two significant
 * digits plus one, booleans and nulls one, lists and maps 3 bytes plus 1 per element. Approximate
 * (numbers are counted from their decimal text), close enough to tell 1 KB units apart.
 */
const valueSize = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value).replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
    return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueSize(element), 0);
  if (Array.isArray(value))
    return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      3 + entries.reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element), 0)
    );
  }
  return Buffer.byteLength(String(value));
};

export const itemSize = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
