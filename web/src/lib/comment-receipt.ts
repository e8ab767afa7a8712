/**
 * The receipt of the last public comment sent from this tab, kept in
 * sessionStorage so a reload still shows the receipt number. Only the number
 * and the start of the comment are kept — never the sender's details.
 */

export const RECEIPT_STORAGE_KEY = 'iken-comment-receipt';

/** How much of the comment the receipt repeats. */
export const RECEIPT_EXCERPT_CHARS = 100;

export interface StoredReceipt {
  meetingId: number;
  receiptNumber: string;
  /** The comment's first characters (RECEIPT_EXCERPT_CHARS at most, then …). */
  excerpt: string;
}

/** The first RECEIPT_EXCERPT_CHARS characters (code points), with … when cut. */
export function receiptExcerpt(text: string): string {
  const chars = [...text.trim()];
  return chars.length > RECEIPT_EXCERPT_CHARS ? `${chars.slice(0, RECEIPT_EXCERPT_CHARS).join('')}…` : chars.join('');
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage switched off: the receipt is shown once and not kept.
    return null;
  }
}

export function storeReceipt(receipt: StoredReceipt): void {
  try {
    storage()?.setItem(RECEIPT_STORAGE_KEY, JSON.stringify(receipt));
  } catch {
    // Full or refused: nothing to keep.
  }
}

/** The stored receipt for `meetingId`, if one was kept (and reads as one). */
export function loadReceipt(meetingId: number): StoredReceipt | null {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(RECEIPT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredReceipt>;
    if (value.meetingId !== meetingId || typeof value.receiptNumber !== 'string' || typeof value.excerpt !== 'string') return null;
    return { meetingId, receiptNumber: value.receiptNumber, excerpt: value.excerpt };
  } catch {
    return null;
  }
}

export function clearReceipt(): void {
  try {
    storage()?.removeItem(RECEIPT_STORAGE_KEY);
  } catch {
    // Nothing kept.
  }
}
