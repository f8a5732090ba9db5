"use client";

import { useId, useState } from "react";
import { useMenu } from "./use-menu";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/** Height of a menu item (py-2 text-sm) and of the menu's padding and border, in pixels. */
const MENU_ITEM_HEIGHT = 36;
const MENU_PADDING = 10;

/** A button that opens a short list of actions (keyboard as a WAI-ARIA menu button). */
export function ActionMenu({ label, items, empty }: { label: string; items: MenuItem[]; empty: string }) {
  const { open, close, ref, buttonProps, menuProps } = useMenu();
  const id = useId();
  // Fixed to the viewport, so a table that scrolls sideways does not clip the menu.
  const [at, setAt] = useState<{ top?: number; bottom?: number; right: number }>({ top: 0, right: 0 });
  const place = (button: HTMLElement) => {
    const box = button.getBoundingClientRect();
    const right = window.innerWidth - box.right;
    // A fixed menu does not scroll into view: near the window's bottom it opens upwards.
    const height = MENU_PADDING + Math.max(items.length, 1) * MENU_ITEM_HEIGHT;
    const fitsBelow = box.bottom + 4 + height <= window.innerHeight || box.top < height + 4;
    setAt(fitsBelow ? { top: box.bottom + 4, right } : { bottom: window.innerHeight - box.top + 4, right });
  };
  return (
    <div ref={ref} className="relative inline-block text-left">
      <button
        type="button"
        aria-label={label}
        aria-controls={id}
        {...buttonProps}
        onClick={(event) => {
          place(event.currentTarget);
          buttonProps.onClick();
        }}
        onKeyDown={(event) => {
          place(event.currentTarget);
          buttonProps.onKeyDown(event);
        }}
        className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">•••</span>
      </button>
      {open ? (
        <div
          id={id}
          aria-label={label}
          role="menu"
          {...menuProps}
          style={at}
          className="fixed z-30 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.length === 0 ? (
            <div
              role="menuitem"
              aria-disabled="true"
              tabIndex={-1}
              className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400"
            >
              {empty}
            </div>
          ) : (
            items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  // Back on the menu's button first, so a dialog the item opens returns focus there.
                  close();
                  item.onSelect();
                }}
                className={`block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800 ${
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
