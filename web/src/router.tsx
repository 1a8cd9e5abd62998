// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// A small router over the History API: paths are real URLs (the server
// answers index.html for them), links are ordinary <a href> so that keyboard,
// middle-click and "open in new tab" work, and a navigation moves focus to the
// new page's heading so screen-reader users hear where they are.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
let navigations = 0;

export interface Location {
  path: string;
  search: string;
}

function current(): Location {
  return { path: window.location.pathname, search: window.location.search };
}

window.addEventListener('popstate', () => {
  navigations++;
  listeners.forEach((l) => l());
});

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigations++;
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

// True once the user has moved within the app (not on the first page load).
export function hasNavigated(): boolean {
  return navigations > 0;
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return location;
}

// Matches `/cases/:id/:section?` style patterns; returns the parameters.
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    const optional = w.endsWith('?');
    if (w.startsWith(':')) {
      if (have[i] === undefined) {
        if (optional) continue;
        return null;
      }
      params[w.slice(1, optional ? -1 : undefined)] = decodeURIComponent(have[i]);
    } else if (w !== have[i]) {
      return null;
    }
  }
  return have.length <= want.length ? params : null;
}

interface LinkProps {
  href: string;
  children?: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | 'step' | undefined;
}

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
