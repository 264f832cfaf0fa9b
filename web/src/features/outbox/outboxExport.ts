import type { OutboxItem } from './outboxItem.ts';
import type { UserVault } from './outboxVault.ts';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The outbox as one JSON document, photos in base64: a last resort when a device cannot send
 * (an administrator can replay each item with its `id` as the Idempotency-Key, and nothing is
 * applied twice). It is the user's own data in plain text: the file is theirs to keep safe.
 */
export async function outboxDocument(vault: UserVault, items: readonly OutboxItem[], now = new Date()): Promise<string> {
  const exported = await Promise.all(
    items.map(async (item) => {
      const bytes = item.photos.length === 0 ? [] : await vault.photos(item.id);
      return { ...item, photos: item.photos.map((p, i) => ({ ...p, base64: base64(bytes[i] ?? new Uint8Array()) })) };
    }),
  );
  return JSON.stringify({ format: 'marsad-outbox/1', exported_at: now.toISOString(), user_id: vault.userId, items: exported }, null, 2);
}

/** Offers the document as a download named after the day. */
export function downloadJson(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
