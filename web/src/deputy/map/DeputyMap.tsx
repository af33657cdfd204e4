import { useApp } from '../context.tsx';
import { TileMap } from './TileMap.tsx';
import { type MapPoint, VectorMap } from './VectorMap.tsx';

interface Props {
  points?: readonly MapPoint[];
  pin?: { latitude: number; longitude: number } | undefined;
  centre?: { latitude: number; longitude: number };
  onPick?: (latitude: number, longitude: number) => void;
  onSelect?: (id: string) => void;
  label: string;
}

/** The configured base map when there is one and the phone is online; the bundled vector layer otherwise. */
export const DeputyMap = (props: Props) => {
  const { config } = useApp();
  const centre = props.centre ?? props.pin;
  if (config.baseMap !== null && navigator.onLine && centre !== undefined) {
    return <TileMap {...props} baseMap={config.baseMap} centre={centre} />;
  }
  return <VectorMap {...props} />;
};
