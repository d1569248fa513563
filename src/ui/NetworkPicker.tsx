// A searchable network chooser (type part of a name or id; the list narrows as you type), used
// for the network to paint with and for moving one practice. Keyboard only works throughout.
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { NetworkId } from '../core/model';
import type { NetworkDef } from '../state/types';
import { sameNames } from './network-names';

const optionText = (n: NetworkDef) => `${n.name} (${n.id})`;

/** The network a typed text names: exact "name (id)", name or id, else the one partial match. */
function findNetwork(networks: readonly NetworkDef[], text: string): NetworkDef | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const exact = networks.find(
    (n) => optionText(n).toLowerCase() === t || n.name.toLowerCase() === t || n.id.toLowerCase() === t,
  );
  if (exact) return exact;
  const partial = networks.filter((n) => optionText(n).toLowerCase().includes(t));
  return partial.length === 1 ? partial[0] : null;
}

export function NetworkPicker({
  id,
  label,
  networks,
  value,
  onPick,
  placeholder,
  testId,
  first = [],
}: {
  id: string;
  label: string;
  networks: readonly NetworkDef[];
  value: NetworkId | null;
  onPick: (id: NetworkId) => void;
  placeholder: string;
  testId: string;
  /** Listed first (e.g. neighbouring networks). */
  first?: readonly NetworkDef[];
}) {
  const current = networks.find((n) => n.id === value) ?? null;
  const [text, setText] = useState(current ? optionText(current) : '');
  useEffect(() => setText(current ? optionText(current) : ''), [current]);
  const commit = (t: string) => {
    const n = findNetwork(networks, t);
    if (n) {
      setText(optionText(n));
      if (n.id !== value) onPick(n.id);
    } else setText(current ? optionText(current) : '');
  };
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        class="network-picker"
        list={`${id}-options`}
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        autoComplete="off"
        onInput={(e) => {
          const t = (e.target as HTMLInputElement).value;
          setText(t);
          const n = networks.find((x) => optionText(x) === t);
          if (n && n.id !== value) onPick(n.id);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(text);
          } else if (e.key === 'Escape' && text !== (current ? optionText(current) : '')) {
            e.stopPropagation();
            setText(current ? optionText(current) : '');
          }
        }}
        onBlur={() => commit(text)}
      />
      <NetworkOptions id={`${id}-options`} networks={networks} first={first} />
    </>
  );
}

/**
 * The picker's suggestions. A national plan lists over 1,200 networks: they are rebuilt only when
 * a name, id or the order changes, not on every edit of the plan (a paint click recolours at most
 * a few networks and renames none).
 */
const NetworkOptions = memo(
  function NetworkOptions({
    id,
    networks,
    first,
  }: {
    id: string;
    networks: readonly NetworkDef[];
    first: readonly NetworkDef[];
  }) {
    const firstIds = new Set(first.map((n) => n.id));
    const ordered = [...first, ...networks.filter((n) => !firstIds.has(n.id))];
    return (
      <datalist id={id}>
        {ordered.map((n) => (
          <option key={n.id} value={optionText(n)}>
            {firstIds.has(n.id) ? 'neighbour' : ''}
          </option>
        ))}
      </datalist>
    );
  },
  (a, b) => a.id === b.id && sameNames(a.networks, b.networks) && sameNames(a.first, b.first),
);
