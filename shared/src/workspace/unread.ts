/**
 * Unread counts from page titles (the desktop views and the mobile WebViews), the one signal every web app gives: "(3) Slack",
 * "Inbox (12) - jane@… - Gmail", "[5] Jira", "• Discord", "* Notion". Counts above 99 999 are
 * clamped; a bullet or star prefix means "something new" without a number.
 */
export interface UnreadBadge {
  count: number;
  /** The page signals new activity but gives no number. */
  attention: boolean;
}

const COUNT = /[([](\d{1,7})\+?[)\]]/;
const ATTENTION_PREFIX = /^\s*[•*●]\s*/;

export function unreadFromTitle(title: string): UnreadBadge {
  const count = COUNT.exec(title);
  if (count) return { count: Math.min(99_999, Number(count[1])), attention: false };
  return { count: 0, attention: ATTENTION_PREFIX.test(title) };
}

/** The total shown on a workspace, the tray and the dock. */
export function sumBadges(badges: Iterable<UnreadBadge>): UnreadBadge {
  let count = 0;
  let attention = false;
  for (const badge of badges) {
    count += badge.count;
    attention ||= badge.attention;
  }
  return { count: Math.min(99_999, count), attention: attention && count === 0 };
}

/**
 * What a page's favicon says. Some services encode the count in the icon's address (Gmail:
 * `…/unreadcountfavicon/3/…`); others swap to an icon whose name marks news (`favicon-unread`,
 * `-alert`, `-notification`, `-badge`, `-dot`). Undefined when the icon says nothing.
 */
export function unreadFromFavicon(faviconUrls: readonly string[]): UnreadBadge | undefined {
  for (const url of faviconUrls) {
    const count = /unreadcount\w*\/(\d{1,5})\//i.exec(url);
    if (count) return { count: Number(count[1]), attention: false };
  }
  const marked = faviconUrls.some((url) =>
    /[-_/.](?:unread|alert|notification|badge|dot)s?[-_.]/i.test(url.split('?')[0] ?? ''),
  );
  return marked ? { count: 0, attention: true } : undefined;
}

/** The title and the favicon together: the higher count wins; a dot only without a count. */
export function combineBadges(title: UnreadBadge, favicon: UnreadBadge | undefined): UnreadBadge {
  if (!favicon) return title;
  const count = Math.max(title.count, favicon.count);
  return { count, attention: count === 0 && (title.attention || favicon.attention) };
}
