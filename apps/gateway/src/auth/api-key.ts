import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from './scopes.js';

/** Recognisable in a leaked log or a secret scanner; the rest is 256 random bits. */
const KEY_PREFIX = 'osk_';
const KEY_SECRET_BYTES = 32;
const KEY_ID_BYTES = 6;

/** What a request learns about its caller once its key is known. */
export interface Caller {
  keyId: string;
  name: string;
  scopes: readonly Scope[];
  /** Null: the key acts anywhere. Otherwise it acts only on requests that name these locations. */
  locations: readonly string[] | null;
  /** Null: any channel. Otherwise it holds and orders only for these, and sees no other's. */
  channels: readonly string[] | null;
}

export function newKeyId(): string {
  return `key_${randomBytes(KEY_ID_BYTES).toString('hex')}`;
}

export function newKeySecret(): string {
  return KEY_PREFIX + randomBytes(KEY_SECRET_BYTES).toString('base64url');
}

/**
 * Keys are long and random, so one fast hash suffices (no salt or slow KDF: nothing to
 * brute-force, and the hash is the lookup index). The plaintext is shown once, then gone.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Who a key's hold commands act for: a cart of its channels (all, when it is bound to none). */
export function cartPrincipalOf(caller: Caller): { kind: 'cart'; channels?: string[] } {
  return caller.channels ? { kind: 'cart', channels: [...caller.channels] } : { kind: 'cart' };
}

/** A key bound to channels names them to the service, which answers others' ids as unknown. */
export function channelScopeOf(caller: Caller): { channels?: string[] } {
  return caller.channels ? { channels: [...caller.channels] } : {};
}

/** The ledger records this as the actor of every command a key sends. */
export function actorOf(caller: Caller): string {
  return `api-key:${caller.keyId}`;
}
