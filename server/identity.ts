import { createHmac, randomBytes } from 'node:crypto';

/**
 * Derives a player's public id from their secret session token. The token is the
 * browser's proof of identity (sent in the handshake `auth`); the public id is what other
 * players see. An HMAC keeps this stateless (no table growing with every visitor) and
 * one-way: the id reveals nothing about the token. Nodes that must agree on ids share
 * the secret (`PLAYER_ID_SECRET`); by default each process makes its own.
 */
export class Identities {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  /** The public id of a token: the same token always gets the same id. */
  playerFor(token: string): string {
    return `p_${createHmac('sha256', this.secret).update(token).digest('base64url').slice(0, 16)}`;
  }
}
