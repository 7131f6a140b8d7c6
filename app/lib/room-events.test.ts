import { describe, expect, it } from 'vitest';
import type { StreamFrame } from '@/game/protocol';
import { createRoomEvents } from './room-events';

const frame = (seq: number): StreamFrame => ({ code: 'ABCD', from: 'p_abcdef', seq, data: [seq] });

describe('createRoomEvents', () => {
  it('hands each event to the listeners of its kind, in order, until they stop', () => {
    const events = createRoomEvents();
    const heard: string[] = [];
    const stopA = events.on('stream', (f) => heard.push(`a${f.seq}`));
    events.on('stream', (f) => heard.push(`b${f.seq}`));
    events.on('notice', (n) => heard.push(`notice ${n.text}`));

    events.emit('stream', frame(1));
    stopA();
    events.emit('stream', frame(2));
    events.emit('notice', { code: 'ABCD', kind: 'close', text: 'APPLE is close!' });

    expect(heard).toEqual(['a1', 'b1', 'b2', 'notice APPLE is close!']);
  });

  it('lets a listener stop another one while an event is being handed out', () => {
    const events = createRoomEvents();
    const heard: string[] = [];
    let stopB = () => {};
    events.on('stream', () => {
      heard.push('a');
      stopB();
    });
    stopB = events.on('stream', () => heard.push('b'));

    events.emit('stream', frame(1));
    events.emit('stream', frame(2));
    expect(heard).toEqual(['a', 'a']);
  });
});
