import type { ComponentProps, MouseEvent } from 'react';
import type { ExtraProps } from 'react-markdown';
import { openLink } from '../link-opener.ts';

/**
 * Links only act on a click: external ones go to the app's opener (the system browser), in-page
 * footnote links scroll. The window itself never navigates. A URL removed by `safeUrl` leaves
 * plain text behind.
 */
export function SafeLink({ node: _node, href, children, ...rest }: ComponentProps<'a'> & ExtraProps) {
  // A link without a destination (removed by safeUrl, or a reference whose definition has not
  // come yet): HTML's placeholder link, an <a> without href. Being the same element as the link,
  // it becomes the link in place when the definition arrives, without a new box to lay out.
  if (!href) return <a className="md-link-inert">{children}</a>;
  const onClick = (e: MouseEvent<HTMLAnchorElement>): void => {
    e.preventDefault();
    if (href.startsWith('#')) {
      document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'nearest' });
    } else {
      openLink(href);
    }
  };
  return (
    <a {...rest} href={href} onClick={onClick} onAuxClick={(e) => e.preventDefault()} rel="noreferrer noopener">
      {children}
    </a>
  );
}
