"use client";

import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";

const ITEMS = '[role^="menuitem"]:not([disabled])';

/**
 * A menu button as WAI-ARIA describes it: Enter, Space or ArrowDown opens it on its first item
 * (ArrowUp on its last), the arrows, Home and End move between items, Escape closes it and
 * returns focus to the button, Tab or a click outside closes it.
 */
export function useMenu<Button extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<"first" | "last">("first");
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<Button>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const items = useCallback(() => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []), []);
  const close = useCallback((returnFocus = true) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const all = items();
    (start === "first" ? all[0] : all.at(-1))?.focus();
    const onClick = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onClick);
    return () => document.removeEventListener("mousedown", onClick);
  }, [open, start, items]);

  const show = (at: "first" | "last") => {
    setStart(at);
    setOpen(true);
  };

  const buttonProps = {
    ref: buttonRef,
    "aria-haspopup": "menu" as const,
    "aria-expanded": open,
    onClick: () => (open ? close(false) : show("first")),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        show(event.key === "ArrowDown" ? "first" : "last");
      }
    },
  };

  const menuProps = {
    ref: menuRef,
    onKeyDown: (event: KeyboardEvent) => {
      const all = items();
      const at = all.indexOf(document.activeElement as HTMLElement);
      const moveTo = (index: number) => {
        event.preventDefault();
        all[(index + all.length) % all.length]?.focus();
      };
      if (event.key === "ArrowDown") moveTo(at + 1);
      else if (event.key === "ArrowUp") moveTo(at - 1);
      else if (event.key === "Home") moveTo(0);
      else if (event.key === "End") moveTo(all.length - 1);
      else if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") close(false);
    },
  };

  return { open, close, ref, buttonProps, menuProps };
}
