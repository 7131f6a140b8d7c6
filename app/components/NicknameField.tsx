'use client';

import { LIMITS } from '@/game/protocol';

/** The labelled nickname input used on the home page and in the room's nickname prompt. */
export function NicknameField({
  value,
  onChange,
  onBlur,
  id = 'nickname',
  autoFocus = false,
  disabled = false,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Nickname</label>
      <input
        id={id}
        name="nickname"
        type="text"
        autoComplete="nickname"
        maxLength={LIMITS.nicknameMax}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        autoFocus={autoFocus}
        disabled={disabled}
        placeholder="What should we call you?"
      />
    </div>
  );
}
