/**
 * Puts a real EXIF block (capture time and GPS position) into a JPEG, as a phone camera writes it:
 * an APP1 "Exif" segment right after SOI holding a little-endian TIFF with IFD0 → Exif IFD
 * (DateTimeOriginal) and GPS IFD (GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude).
 */
export const withExif = (jpeg: Buffer, taken: string, latitude: number, longitude: number): Buffer => {
  const tiff = Buffer.alloc(178);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  // IFD0 at 8: Exif IFD pointer, GPS IFD pointer.
  let at = ifd(tiff, 8, [
    [0x8769, 4, 1, 38],
    [0x8825, 4, 1, 76],
  ]);
  // Exif IFD at 38: DateTimeOriginal "YYYY:MM:DD HH:MM:SS\0" at 56.
  at = ifd(tiff, 38, [[0x9003, 2, 20, 56]]);
  tiff.write(`${taken}\0`, at, 'latin1');
  // GPS IFD at 76: refs inline, the rationals at 130 and 154.
  ifd(tiff, 76, [
    [1, 2, 2, Buffer.from(latitude >= 0 ? 'N\0' : 'S\0', 'latin1').readUInt16LE(0)],
    [2, 5, 3, 130],
    [3, 2, 2, Buffer.from(longitude >= 0 ? 'E\0' : 'W\0', 'latin1').readUInt16LE(0)],
    [4, 5, 3, 154],
  ]);
  dms(tiff, 130, Math.abs(latitude));
  dms(tiff, 154, Math.abs(longitude));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
};

/** Writes an IFD of [tag, type, count, value-or-offset] entries; returns where its data may start. */
const ifd = (tiff: Buffer, offset: number, entries: [number, number, number, number][]): number => {
  tiff.writeUInt16LE(entries.length, offset);
  for (const [i, [tag, type, count, value]] of entries.entries()) {
    const at = offset + 2 + i * 12;
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    tiff.writeUInt32LE(value, at + 8);
  }
  tiff.writeUInt32LE(0, offset + 2 + entries.length * 12);
  return offset + 2 + entries.length * 12 + 4;
};

/** Degrees, minutes, seconds as three rationals (seconds in hundredths). */
const dms = (tiff: Buffer, offset: number, value: number) => {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const hundredths = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  for (const [i, [n, d]] of [
    [degrees, 1],
    [minutes, 1],
    [hundredths, 100],
  ].entries()) {
    tiff.writeUInt32LE(n ?? 0, offset + i * 8);
    tiff.writeUInt32LE(d ?? 1, offset + i * 8 + 4);
  }
};
