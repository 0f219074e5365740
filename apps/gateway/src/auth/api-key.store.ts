import type { DataSource } from 'typeorm';
import { hashKey, newKeyId, newKeySecret, type Caller } from './api-key.js';
import type { Scope } from './scopes.js';

/** The id of the key OMNISTOCK_ADMIN_KEY stands for; fixed so that a reboot rotates it in place. */
export const BOOTSTRAP_ADMIN_KEY_ID = 'key_bootstrap_admin';

/**
 * A known key is trusted for this long without asking Postgres again. Revoking on this
 * replica takes effect at once; on the others within this window.
 */
export const API_KEY_CACHE_MS = 2_000;
export const API_KEY_CACHE_ENTRIES_MAX = 10_000;

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: Scope[];
  locations: string[] | null;
  channels: string[] | null;
  created_at: Date;
  revoked_at: Date | null;
}

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  locations?: string[];
  channels?: string[];
  createdBy: string;
}

export interface CreatedApiKey {
  id: string;
  key: string;
  name: string;
  scopes: Scope[];
  locations: string[] | null;
  channels: string[] | null;
  createdAt: string;
}

/** API keys in the gateway's own schema; the only code that reads or writes them. */
export class ApiKeyStore {
  private readonly cache = new Map<string, { caller: Caller; expiresAtMs: number }>();

  constructor(private readonly dataSource: DataSource) {}

  /** The caller a presented key stands for, or null when it is unknown or revoked. */
  async authenticate(key: string): Promise<Caller | null> {
    const hash = hashKey(key);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAtMs > Date.now()) return cached.caller;
    this.cache.delete(hash);
    const [row]: ApiKeyRow[] = await this.dataSource.query(
      'SELECT id, name, scopes, locations, channels FROM api_keys WHERE key_sha256 = $1 AND revoked_at IS NULL',
      [hash],
    );
    if (!row) return null;
    const caller: Caller = {
      keyId: row.id,
      name: row.name,
      scopes: row.scopes,
      locations: row.locations,
      channels: row.channels,
    };
    if (this.cache.size >= API_KEY_CACHE_ENTRIES_MAX)
      this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(hash, { caller, expiresAtMs: Date.now() + API_KEY_CACHE_MS });
    return caller;
  }

  async create(request: NewApiKey): Promise<CreatedApiKey> {
    const id = newKeyId();
    const key = newKeySecret();
    const [row]: ApiKeyRow[] = await this.dataSource.query(
      `INSERT INTO api_keys (id, name, key_sha256, scopes, locations, channels, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, name, scopes, locations, channels, created_at`,
      [
        id,
        request.name,
        hashKey(key),
        request.scopes,
        request.locations ?? null,
        request.channels ?? null,
        request.createdBy,
      ],
    );
    return {
      id,
      key,
      name: row!.name,
      scopes: row!.scopes,
      locations: row!.locations,
      channels: row!.channels,
      createdAt: row!.created_at.toISOString(),
    };
  }

  async find(id: string): Promise<{ id: string; locations: string[] | null } | null> {
    const [row]: ApiKeyRow[] = await this.dataSource.query(
      'SELECT id, locations FROM api_keys WHERE id = $1',
      [id],
    );
    return row ? { id: row.id, locations: row.locations } : null;
  }

  /** Revoking twice answers the first revocation's time; null when no such key exists. */
  async revoke(id: string): Promise<{ id: string; revokedAt: string } | null> {
    const [[row]]: [ApiKeyRow[], number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, clock_timestamp()) WHERE id = $1 RETURNING id, revoked_at`,
      [id],
    );
    for (const [hash, entry] of this.cache) if (entry.caller.keyId === id) this.cache.delete(hash);
    return row ? { id: row.id, revokedAt: row.revoked_at!.toISOString() } : null;
  }

  /** OMNISTOCK_ADMIN_KEY is the root of trust: each boot (re)installs it, so changing it rotates the key. */
  async installBootstrapAdmin(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO api_keys (id, name, key_sha256, scopes, locations, created_by)
       VALUES ($1, 'bootstrap admin (OMNISTOCK_ADMIN_KEY)', $2, '{admin}', NULL, 'boot')
       ON CONFLICT (id) DO UPDATE SET key_sha256 = EXCLUDED.key_sha256, scopes = EXCLUDED.scopes,
         locations = NULL, revoked_at = NULL`,
      [BOOTSTRAP_ADMIN_KEY_ID, hashKey(key)],
    );
  }
}
