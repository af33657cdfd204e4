/** Photos leave the phone with their longest side at most this many pixels. */
export const MAX_SIDE = 2048;

/** The size to draw a photo at: longest side ≤ `max`, aspect ratio kept, never enlarged. */
export const scaledSize = (width: number, height: number, max = MAX_SIDE) => {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
};
