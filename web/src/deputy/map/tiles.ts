import gcoord from 'gcoord';

/**
 * Configured base maps (DESIGN §8): positions are stored in WGS-84; AMap and Tencent draw their
 * tiles in GCJ-02, so points are shifted with gcoord before they are placed on those tiles (and a
 * tapped point is shifted back); Tianditu's web-Mercator tiles are in CGCS2000, which differs from
 * WGS-84 by centimetres, so it needs no shift. Tile URL templates are the providers' public web
 * tile endpoints as commonly used (not checked against their current documentation here: there
 * is no internet on this machine) — keep them in one place so a deployment can correct them.
 */
export type BaseMapKind = 'tianditu' | 'amap' | 'tencent';

export const TILE_SIZE = 256;

export const needsGcj02 = (kind: BaseMapKind) => kind === 'amap' || kind === 'tencent';

/** WGS-84 → the coordinates the provider's tiles are drawn in. */
export const toMapCoords = (kind: BaseMapKind, latitude: number, longitude: number) => {
  if (!needsGcj02(kind)) return { latitude, longitude };
  const [lng, lat] = gcoord.transform([longitude, latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { latitude: lat, longitude: lng };
};

/** The provider's coordinates → WGS-84 (a pin placed on the map is stored in WGS-84). */
export const fromMapCoords = (kind: BaseMapKind, latitude: number, longitude: number) => {
  if (!needsGcj02(kind)) return { latitude, longitude };
  const [lng, lat] = gcoord.transform([longitude, latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { latitude: lat, longitude: lng };
};

/** Web-Mercator world pixels at zoom `z`. */
export const worldPixel = (latitude: number, longitude: number, z: number) => {
  const size = TILE_SIZE * 2 ** z;
  const sin = Math.sin((latitude * Math.PI) / 180);
  return {
    x: ((longitude + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
};

export const fromWorldPixel = (x: number, y: number, z: number) => {
  const size = TILE_SIZE * 2 ** z;
  const n = Math.PI - (2 * Math.PI * y) / size;
  return {
    latitude: (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))),
    longitude: (x / size) * 360 - 180,
  };
};

export const tileUrl = (kind: BaseMapKind, key: string, x: number, y: number, z: number): string => {
  const shard = (x + y) % 4;
  switch (kind) {
    case 'tianditu':
      return `https://t${shard}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${encodeURIComponent(key)}`;
    case 'amap':
      return `https://webrd0${shard + 1}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x=${x}&y=${y}&z=${z}`;
    case 'tencent':
      // Tencent counts tile rows from the south (TMS).
      return `https://rt${shard}.map.gtimg.com/tile?z=${z}&x=${x}&y=${2 ** z - 1 - y}&type=vector&styleid=0&key=${encodeURIComponent(key)}`;
  }
};
