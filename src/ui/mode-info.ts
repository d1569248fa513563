import { MODES, type Mode } from '../state/types';

/** The map modes as the toolbar shows them; `key` is the keyboard shortcut (case-insensitive). */
export const MODE_INFO: { mode: Mode; label: string; key: string; help: string }[] = [
  { mode: MODES.select, label: 'Select', key: 'V', help: 'Select: click a practice for details' },
  {
    mode: MODES.paint,
    label: 'Paint',
    key: 'P',
    help: 'Paint: click or drag across practices or cells to put them in the network chosen under "Painting:"',
  },
  {
    mode: MODES.lasso,
    label: 'Lasso',
    key: 'L',
    help: 'Lasso: press, drag around practices and release (or click, move, click) to put them in the painting network',
  },
  {
    mode: MODES.draw,
    label: 'Draw',
    key: 'D',
    help: 'Draw: click the corners, then the first corner again or double-click, to make a new network of the practices inside',
  },
  {
    mode: MODES.unassign,
    label: 'Unassign',
    key: 'U',
    help: 'Unassign: click or drag to take practices out of their network',
  },
];

/** Lower-case shortcut key -> mode, from MODE_INFO. */
export const MODE_KEYS: Record<string, Mode> = Object.fromEntries(MODE_INFO.map((m) => [m.key.toLowerCase(), m.mode]));
