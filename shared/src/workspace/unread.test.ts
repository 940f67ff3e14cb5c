import { describe, expect, it } from 'vitest';
import { combineBadges, sumBadges, unreadFromFavicon, unreadFromTitle } from './unread';

describe('unreadFromTitle', () => {
  it.each([
    ['(3) Slack', 3, false],
    ['Inbox (12) - jane@example.com - Gmail', 12, false],
    ['[5] Jira', 5, false],
    ['(99+) Discord', 99, false],
    ['• Discord', 0, true],
    ['* Notion', 0, true],
    ['Slack', 0, false],
    ['Version 2 (beta)', 0, false],
    ['(123456789) Spam', 0, false],
  ])('%s → %i', (title, count, attention) => {
    expect(unreadFromTitle(title)).toEqual({ count, attention });
  });

  it('clamps very large counts', () => {
    expect(unreadFromTitle('(5000000) x').count).toBe(99_999);
  });
});

describe('sumBadges', () => {
  it('sums counts; a dot only shows when nothing has a number', () => {
    expect(
      sumBadges([
        { count: 2, attention: false },
        { count: 0, attention: true },
      ]),
    ).toEqual({ count: 2, attention: false });
    expect(sumBadges([{ count: 0, attention: true }])).toEqual({ count: 0, attention: true });
    expect(sumBadges([])).toEqual({ count: 0, attention: false });
    expect(
      sumBadges([
        { count: 99_999, attention: false },
        { count: 5, attention: false },
      ]).count,
    ).toBe(99_999);
  });
});

describe('unreadFromFavicon', () => {
  it('reads counts encoded in the icon address and marks news from the icon name', () => {
    expect(
      unreadFromFavicon([
        'https://ssl.gstatic.com/ui/v1/icons/mail/rfr/unreadcountfavicon/3/12_2x.png',
      ]),
    ).toEqual({ count: 3, attention: false });
    expect(unreadFromFavicon(['https://a.slack-edge.com/x/img/favicon-unread.ico'])).toEqual({
      count: 0,
      attention: true,
    });
    expect(unreadFromFavicon(['https://app.example.com/icons/bell_dot.png?v=2'])).toEqual({
      count: 0,
      attention: true,
    });
    expect(unreadFromFavicon(['https://app.slack.com/favicon.ico'])).toBeUndefined();
    expect(unreadFromFavicon(['https://app.example.com/dotnet.png'])).toBeUndefined();
    expect(unreadFromFavicon([])).toBeUndefined();
  });
});

describe('combineBadges', () => {
  it('takes the higher count and shows a dot only without a count', () => {
    expect(combineBadges({ count: 2, attention: false }, { count: 5, attention: false })).toEqual({
      count: 5,
      attention: false,
    });
    expect(combineBadges({ count: 0, attention: false }, { count: 0, attention: true })).toEqual({
      count: 0,
      attention: true,
    });
    expect(combineBadges({ count: 1, attention: false }, { count: 0, attention: true })).toEqual({
      count: 1,
      attention: false,
    });
    expect(combineBadges({ count: 0, attention: true }, undefined)).toEqual({
      count: 0,
      attention: true,
    });
  });
});
