"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

interface WhenNearViewportProps {
  children: ReactNode;
  /** The height the children will take, held meanwhile so nothing below them moves. */
  minHeight: number;
  /** How close to the viewport is near enough to start. */
  margin?: string;
}

/**
 * Renders its children once their place comes near the viewport, or once the browser is idle,
 * whichever comes first. What they need (their JavaScript, a third-party script) then loads
 * after the page has become interactive, not before.
 */
export function WhenNearViewport({ children, minHeight, margin = "300px" }: WhenNearViewportProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (near || !element) return;
    const show = () => setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) show();
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    // Safari has no requestIdleCallback: a timer stands in.
    const idle: Partial<Pick<Window, "requestIdleCallback">> = window;
    let cancelIdle: () => void;
    if (idle.requestIdleCallback) {
      const id = idle.requestIdleCallback(show, { timeout: 2_000 });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(show, 1_000);
      cancelIdle = () => clearTimeout(id);
    }
    return () => {
      observer.disconnect();
      cancelIdle();
    };
  }, [near, margin]);
  if (near) return children;
  return <div ref={placeholder} style={{ minHeight }} aria-hidden="true" />;
}
