import { randomBytes, randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET } from '../game/protocol';

/** A fresh 32-bit seed for a game's PRNG. */
export function newSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}

/**
 * A room code nobody else holds: 4 characters while they are plentiful, growing to 5
 * and then 6 when random tries keep colliding (31^4 is about 920k codes).
 */
export function newRoomCode(taken: (code: string) => boolean): string {
  for (let length = 4; length <= 6; length++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      let code = '';
      for (let i = 0; i < length; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
      if (!taken(code)) return code;
    }
  }
  throw new Error('No free room code after 60 tries: the code space is exhausted');
}
