/** The media bucket as the completion step needs it: look, read, write, and hand out short links. */
export interface MediaObjects {
  /** Size and stored type, or undefined when nothing was uploaded under the key. */
  head(key: string): Promise<{ sizeBytes: number } | undefined>;
  /** The first `length` bytes (fewer when the object is shorter). */
  readStart(key: string, length: number): Promise<Uint8Array>;
  readAll(key: string): Promise<Uint8Array>;
  /** Hex SHA-256 of an object, streamed (videos are too large to hold in memory). */
  sha256(key: string): Promise<string>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  copy(fromKey: string, toKey: string, contentType: string): Promise<void>;
  /**
   * Destroys an object's content now. Implemented as an overwrite with no bytes: function roles may
   * put but never delete (house-function.ts), and the `uploads/pending/` lifecycle rule removes the
   * emptied key within two days.
   */
  discard(key: string): Promise<void>;
  /** A presigned GET valid for `seconds`. */
  downloadUrl(key: string, seconds: number, fileName?: string): Promise<string>;
}
