import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** How long a signed asset URL stays valid at most (its expiry is rounded up, so URLs stay stable). */
export const assetUrlLifetimeMs = 10 * 60 * 1000;
/** Expiries are rounded to this step: one URL per asset per step, so the preview does not reload images. */
const expiryStepMs = 5 * 60 * 1000;

/** The expiry (ms since the epoch) an asset URL signed at `now` carries: between 5 and 10 minutes ahead. */
export function assetExpiry(now: number): number {
  return Math.ceil(now / expiryStepMs) * expiryStepMs + expiryStepMs;
}

/**
 * The signature of one asset URL of the browser-mode host: HMAC-SHA256 under the host's secret of
 * the site-relative id and the expiry. It opens that one file until then, and tells nothing of the secret.
 */
export function assetSignature(secret: string, id: string, expiry: number): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`postdesk-asset\n${id}\n${expiry}`)));
}
