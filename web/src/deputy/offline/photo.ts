/**
 * Photos are read for their capture time and GPS position (EXIF) first — compression through a
 * canvas drops EXIF — then scaled so the longest side is at most 2048 px and encoded as JPEG of a
 * few hundred KB. Videos are kept as they are.
 */
import { scaledSize } from '../lib/scale.ts';

const TARGET_BYTES = 600 * 1024;

export interface PreparedMedia {
  blob: Blob;
  contentType: string;
  fileName: string;
  takenAt?: string;
  exifLocation?: { latitude: number; longitude: number };
}

export const prepareMedia = async (file: File): Promise<PreparedMedia> => {
  const original = { blob: file as Blob, contentType: file.type, fileName: file.name };
  if (!file.type.startsWith('image/')) return original;
  const exif = await readExif(file);
  try {
    const blob = await compress(file);
    return { blob, contentType: 'image/jpeg', fileName: file.name.replace(/\.\w+$/, '.jpg'), ...exif };
  } catch {
    // A photo the browser cannot draw (HEIC in most browsers) goes as it is: the API accepts it and
    // blanks its location in the public copy.
    return { ...original, ...exif };
  }
};

const readExif = async (file: File): Promise<Pick<PreparedMedia, 'takenAt' | 'exifLocation'>> => {
  try {
    const exifr = (await import('exifr')).default;
    // No `pick`: it would also drop the GPS tags exifr turns into latitude/longitude.
    const tags = (await exifr.parse(file, { tiff: true, exif: true, gps: true, xmp: false, icc: false })) as
      | { DateTimeOriginal?: Date; CreateDate?: Date; latitude?: number; longitude?: number }
      | undefined;
    const taken = tags?.DateTimeOriginal ?? tags?.CreateDate;
    const hasGps = typeof tags?.latitude === 'number' && typeof tags?.longitude === 'number';
    return {
      ...(taken instanceof Date && !Number.isNaN(taken.getTime()) ? { takenAt: taken.toISOString() } : {}),
      // Six decimals (≈ 0.1 m): EXIF rationals come back as binary fractions like 114.3087999.
      ...(hasGps
        ? {
            exifLocation: {
              latitude: round6(tags.latitude as number),
              longitude: round6(tags.longitude as number),
            },
          }
        : {}),
    };
  } catch {
    return {}; // no EXIF, or not readable: the deputy sets time and place
  }
};

const compress = async (file: File): Promise<Blob> => {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of [0.82, 0.7, 0.55]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob !== null && (blob.size <= TARGET_BYTES || quality === 0.55)) return blob;
  }
  return file;
};

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
