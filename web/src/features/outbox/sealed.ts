/**
 * What the device keeps for a user is sealed with AES-GCM under that user's device key (`GET
 * /api/me/device-key`): the browser's storage holds ciphertext only, so the next person who signs
 * in on a shared tablet cannot read the first one's outbox or drafts. The key is imported
 * non-extractable: script can use it while it is kept, never read it back.
 */

/** A value sealed under a device key: a fresh 12-byte IV per seal, and the ciphertext with its tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The key the API gave (32 bytes, base64) as a WebCrypto key that cannot be exported again. */
export async function importDeviceKey(base64: string): Promise<CryptoKey> {
  const raw = fromBase64(base64);
  if (raw.byteLength !== 32) throw new Error(`a device key has 32 bytes, this one ${raw.byteLength}`);
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes) };
}

/** The bytes again; throws (OperationError) under any other key or when the ciphertext was altered. */
export async function openBytes(key: CryptoKey, sealed: Sealed): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data));
}

export function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
  return sealBytes(key, new TextEncoder().encode(JSON.stringify(value)));
}

export async function openJson(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await openBytes(key, sealed))) as unknown;
}
