/** A point of the district map (DistrictMap.tsx); its own file so pure helpers can build points. */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  tone?: 'focus' | 'open' | 'closed';
  size?: number;
  /** Overrides the tone's colour. */
  color?: string;
  /** Lines of the hover text (plain text; the label alone when absent). */
  tooltip?: readonly string[];
}
