// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// One portal screen: its heading and a neutral document title. The title
// never names the person or what the page holds ("onestory" alone), so a
// tab or a window list gives nothing away. When the screen changes, its
// heading takes focus so that assistive technology announces it.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

let screens = 0;

export function PortalPage({ title, children }: { title: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'onestory';
  }, []);
  useLayoutEffect(() => {
    screens++;
    // Not on the first screen of the visit: focus stays at the top (quick exit first).
    if (screens > 1) heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
