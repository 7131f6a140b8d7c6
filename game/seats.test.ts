import { describe, expect, it } from 'vitest';
import { openToLateJoiner } from './seats';

const seat = (joinMidGame: boolean) => ({ id: 's', label: 'S', min: 1, max: 3, joinMidGame });

describe('openToLateJoiner', () => {
  it('opens a seat for late joiners while it has room, and any seat left below its minimum', () => {
    expect([0, 1, 2, 3].map((taken) => openToLateJoiner(seat(true), taken))).toEqual([true, true, true, false]);
    expect([0, 1, 2].map((taken) => openToLateJoiner(seat(false), taken))).toEqual([true, false, false]);
  });
});
