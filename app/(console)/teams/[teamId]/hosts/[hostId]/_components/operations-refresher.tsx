"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const EVERY_MS = 2_000;

/**
 * Reloads the page's server data every two seconds while an operation is queued or running,
 * and once more when it has finished: the render that first showed it finished may have read
 * the host's state (its clients, its databases) a moment before the operation wrote it.
 */
export function OperationsRefresher({ active }: { active: boolean }) {
  const router = useRouter();
  const wasActive = useRef(active);
  useEffect(() => {
    if (active) {
      wasActive.current = true;
      const timer = setInterval(() => router.refresh(), EVERY_MS);
      return () => clearInterval(timer);
    }
    if (wasActive.current) {
      wasActive.current = false;
      router.refresh();
    }
  }, [active, router]);
  return null;
}
