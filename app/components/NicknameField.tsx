'use client';

import type { Ref } from 'react';
import { LIMITS } from '@/game/limits';

/** The labelled nickname input used on the home page and in the room's nickname prompt. */
export function NicknameField({
  value,
  onChange,
  onBlur,
  id = 'nickname',
  disabled = false,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  disabled?: boolean;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Nickname</label>
      <input
        id={id}
        ref={ref}
        name="nickname"
        type="text"
        autoComplete="nickname"
        maxLength={LIMITS.nicknameMax}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        disabled={disabled}
        placeholder="What should we call you?"
      />
    </div>
  );
}
