import { newPlayerId } from './ids';

/**
 * Maps secret session tokens to public player ids. The token is the browser's proof of
 * identity (sent in the handshake `auth`); the public id is what other players see.
 * Tokens stay in this map and nowhere else: never in a broadcast, a snapshot or a log.
 */
export class Identities {
  private readonly byToken = new Map<string, string>();

  /** The player id of a token, created on first sight. */
  playerFor(token: string): string {
    let id = this.byToken.get(token);
    if (id === undefined) {
      id = newPlayerId();
      this.byToken.set(token, id);
    }
    return id;
  }
}
