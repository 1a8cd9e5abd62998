// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { hasNavigated } from '../router';

interface Props {
  title: string;
  // Shown above the heading, e.g. the case a section belongs to.
  caption?: string;
  children?: ComponentChildren;
}

// One screen: its heading, and the document title to match. After an in-app
// navigation the heading takes focus so that assistive technology announces
// the new page; on the first load focus stays at the top of the document.
export function Page({ title, caption, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · onestory`;
  }, [title]);
  useLayoutEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <>
      {caption && <p class="caption">{caption}</p>}
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}
