'use client';

import { PALETTE, WIDTHS } from '@/game/sketch/draw';
import { COLOUR_NAMES, WIDTH_NAMES } from './palette';

/** A drawing tool. */
export type Tool = 'pen' | 'eraser' | 'fill';

const TOOLS: readonly { id: Tool; label: string; icon: string }[] = [
  { id: 'pen', label: 'Pen', icon: '✎' },
  { id: 'eraser', label: 'Eraser', icon: '⌫' },
  { id: 'fill', label: 'Fill', icon: '▧' },
];

/**
 * The drawer's tools: tools, palette, widths, undo and clear. Every control is a button with
 * a name (colours by name), pressed state shown with `aria-pressed`, all reachable by Tab.
 */
export function ToolBar({
  tool,
  colour,
  width,
  disabled,
  onTool,
  onColour,
  onWidth,
  onUndo,
  onClear,
}: {
  tool: Tool;
  colour: number;
  width: number;
  disabled: boolean;
  onTool(tool: Tool): void;
  onColour(colour: number): void;
  onWidth(width: number): void;
  onUndo(): void;
  onClear(): void;
}) {
  return (
    <div className="sketch-tools" role="toolbar" aria-label="Drawing tools">
      <div className="sketch-tool-group" role="group" aria-label="Tool">
        {TOOLS.map((t) => (
          <button key={t.id} type="button" className="sketch-tool" aria-pressed={tool === t.id} aria-label={t.label} title={t.label} disabled={disabled} onClick={() => onTool(t.id)}>
            <span aria-hidden="true">{t.icon}</span>
          </button>
        ))}
      </div>
      <div className="sketch-tool-group sketch-palette" role="group" aria-label="Colour">
        {PALETTE.map((hex, i) => (
          <button
            key={hex}
            type="button"
            className="sketch-swatch"
            style={{ backgroundColor: hex }}
            aria-pressed={colour === i}
            aria-label={COLOUR_NAMES[i]}
            title={COLOUR_NAMES[i]}
            disabled={disabled}
            onClick={() => onColour(i)}
          />
        ))}
      </div>
      <div className="sketch-tool-group" role="group" aria-label="Width">
        {WIDTHS.map((units, i) => (
          <button key={units} type="button" className="sketch-width" aria-pressed={width === i} aria-label={WIDTH_NAMES[i]} title={WIDTH_NAMES[i]} disabled={disabled} onClick={() => onWidth(i)}>
            <span aria-hidden="true" style={{ width: `${Math.max(3, units / 2.2)}px`, height: `${Math.max(3, units / 2.2)}px` }} />
          </button>
        ))}
      </div>
      <div className="sketch-tool-group" role="group" aria-label="Edit">
        <button type="button" className="sketch-tool" aria-label="Undo" title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z Meta+Z" disabled={disabled} onClick={onUndo}>
          <span aria-hidden="true">↶</span>
        </button>
        <button type="button" className="sketch-tool" aria-label="Clear the drawing" title="Clear" disabled={disabled} onClick={onClear}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
    </div>
  );
}
