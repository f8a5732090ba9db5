"use client";

import { useId, useState } from "react";
import { usePopover } from "./use-popover";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/** Height of a menu item (py-2 text-sm) and of the menu's padding and border, in pixels. */
const MENU_ITEM_HEIGHT = 36;
const MENU_PADDING = 10;

/** A button that opens a short list of actions; Escape or a click outside closes it. */
export function ActionMenu({ label, items, empty }: { label: string; items: MenuItem[]; empty: string }) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const id = useId();
  // Fixed to the viewport, so a table that scrolls sideways does not clip the menu.
  const [at, setAt] = useState<{ top?: number; bottom?: number; right: number }>({ top: 0, right: 0 });
  return (
    <div ref={ref} className="relative inline-block text-left">
      <button
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          const right = window.innerWidth - box.right;
          // A fixed menu does not scroll into view: near the window's bottom it opens upwards.
          const height = MENU_PADDING + Math.max(items.length, 1) * MENU_ITEM_HEIGHT;
          const fitsBelow = box.bottom + 4 + height <= window.innerHeight || box.top < height + 4;
          setAt(fitsBelow ? { top: box.bottom + 4, right } : { bottom: window.innerHeight - box.top + 4, right });
          setOpen(!open);
        }}
        className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">•••</span>
      </button>
      {open ? (
        <div
          id={id}
          role="menu"
          aria-label={label}
          style={at}
          className="fixed z-30 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">{empty}</p>
          ) : (
            items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
                className={`block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                  item.danger ? "text-red-700 dark:text-red-400" : ""
                }`}
              >
                {item.label}
              </button>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
