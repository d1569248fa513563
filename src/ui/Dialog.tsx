// A modal dialog that takes focus, keeps Tab inside itself, closes on Escape and gives focus back
// to whatever had it before it opened.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({
  labelledBy,
  onClose,
  children,
  class: extra = '',
  modal = true,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ComponentChildren;
  class?: string;
  /** false: a panel beside the map (no backdrop, Tab may leave it so the map stays usable). */
  modal?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = ref.current!;
    (
      el.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
      el.querySelector<HTMLElement>(FOCUSABLE) ??
      el
    ).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeRef.current();
        return;
      }
      if (e.key !== 'Tab' || !modal) return;
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
      if (items.length === 0) {
        e.preventDefault();
        return;
      }
      const first = items[0],
        last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || !el.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !el.contains(document.activeElement))) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (before && document.contains(before)) before.focus();
    };
  }, []);
  const box = (
    <div
      class={modal ? `dialog ${extra}` : extra}
      role="dialog"
      aria-modal={modal}
      aria-labelledby={labelledBy}
      ref={ref}
      tabIndex={-1}
    >
      {children}
    </div>
  );
  return modal ? <div class="dialog-backdrop">{box}</div> : box;
}
