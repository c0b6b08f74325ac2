// <wchar.h>'s and <stdlib.h>'s multibyte conversions, wint_t, WEOF and <wctype.h>, on what
// glibc's "C" locale and our UTF-8 agree on: ASCII, and bytes that start no character (the
// UTF-8 of other characters: MultibyteTest).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "test.h"

int main(void) {
  ASSERT(4, sizeof(wint_t));
  ASSERT(1, WEOF == (wint_t)-1);
  ASSERT(1, (wint_t)-1 > 0);
  mbstate_t st;
  memset(&st, 0, sizeof st);
  ASSERT(1, mbsinit(&st));
  ASSERT(1, mbsinit(NULL));
  wchar_t wc = 0;
  ASSERT(1, mbrtowc(&wc, "AB", 2, &st));
  ASSERT('A', wc);
  ASSERT(0, mbrtowc(&wc, "", 1, &st));
  ASSERT(0, wc);
  ASSERT(1, mbrtowc(NULL, "x", 1, &st));
  ASSERT(-2, (int)mbrtowc(&wc, "x", 0, &st));
  errno = 0;
  ASSERT(-1, (int)mbrtowc(&wc, "\xff", 1, &st));
  ASSERT(EILSEQ, errno);
  memset(&st, 0, sizeof st);
  ASSERT(-1, (int)mbrtowc(&wc, "\x80", 1, &st));
  memset(&st, 0, sizeof st);
  ASSERT(0, mbrtowc(NULL, NULL, 0, &st));
  ASSERT(1, mbrlen("q", 5, NULL));
  ASSERT(0, mbrlen("", 5, NULL));

  char buf[16];
  ASSERT(1, wcrtomb(buf, L'z', NULL));
  ASSERT('z', buf[0]);
  ASSERT(1, wcrtomb(buf, 0, &st));
  ASSERT(0, buf[0]);
  ASSERT(1, wcrtomb(NULL, L'q', &st));
  errno = 0;
  ASSERT(-1, (int)wcrtomb(buf, -5, &st));
  ASSERT(EILSEQ, errno);
  ASSERT('a', btowc('a'));
  ASSERT(1, btowc(EOF) == WEOF);
  ASSERT(1, btowc(0xff) == WEOF);
  ASSERT('a', wctob(L'a'));
  ASSERT(EOF, wctob(WEOF));
  ASSERT(EOF, wctob(0x100));

  // whole strings
  wchar_t wide[16];
  const char *src = "hello";
  memset(&st, 0, sizeof st);
  ASSERT(5, mbsrtowcs(wide, &src, 16, &st));
  ASSERT(1, src == NULL);
  ASSERT(0, wcscmp(wide, L"hello"));
  src = "hello";
  ASSERT(3, mbsrtowcs(wide, &src, 3, &st));
  ASSERT('l', *src);
  ASSERT(5, mbsrtowcs(NULL, &src, 0, &st) + 3);
  ASSERT(6, mbstowcs(wide, "string", 16));
  ASSERT(6, mbstowcs(NULL, "string", 0));
  ASSERT(-1, (int)mbstowcs(wide, "ab\xff", 16));
  const wchar_t *wsrc = L"wide";
  ASSERT(4, wcsrtombs(buf, &wsrc, sizeof buf, &st));
  ASSERT(1, wsrc == NULL);
  ASSERT(0, strcmp(buf, "wide"));
  wsrc = L"wide";
  memset(buf, '#', sizeof buf);
  ASSERT(2, wcsrtombs(buf, &wsrc, 2, &st));
  ASSERT('d', *wsrc);
  ASSERT('#', buf[2]);
  ASSERT(4, wcstombs(NULL, L"four", 0));
  ASSERT(4, wcstombs(buf, L"four", sizeof buf));
  ASSERT(0, strcmp(buf, "four"));
  ASSERT(4, wcstombs(buf, L"four", 4));
  static const wchar_t bad[] = {'o', 'k', -1, 0};
  ASSERT(-1, (int)wcstombs(buf, bad, sizeof buf));

  // <stdlib.h>'s forms
  ASSERT(0, mblen(NULL, 0));
  ASSERT(1, mblen("abc", 3));
  ASSERT(0, mblen("", 1));
  ASSERT(-1, mblen("\xfe", 1));
  ASSERT(0, mbtowc(NULL, NULL, 0));
  ASSERT(1, mbtowc(&wc, "Q", 1));
  ASSERT('Q', wc);
  ASSERT(0, wctomb(NULL, 0));
  ASSERT(1, wctomb(buf, L'w'));
  ASSERT('w', buf[0]);

  // classes and mappings
  ASSERT(1, !!iswalpha(L'a') && !!iswupper(L'Q') && !!iswlower(L'q') && !!iswdigit(L'7'));
  ASSERT(1, !!iswxdigit(L'f') && !iswxdigit(L'g') && !!iswspace(L'\t') && !!iswblank(L' '));
  ASSERT(1, !!iswpunct(L'!') && !!iswcntrl(L'\n') && !!iswprint(L' ') && !iswgraph(L' '));
  ASSERT(1, !!iswalnum(L'z') && !iswalnum(L'-'));
  ASSERT(0, !!iswalpha(0xe9) || !!iswupper(0xc9) || !!iswspace(0x3000) || !!iswalpha(WEOF));
  ASSERT('A', towupper(L'a'));
  ASSERT('z', towlower(L'Z'));
  ASSERT(0xe9, towupper(0xe9));
  ASSERT(1, towlower(WEOF) == WEOF);
  int classes = 0;
  const char *names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print",
                         "punct", "space", "upper", "xdigit"};
  for (int i = 0; i < 12; i++) {
    wctype_t t = wctype(names[i]);
    if (t != 0) classes = classes * 2 + !!iswctype(L'a', t);
  }
  ASSERT(0xc71, classes);
  ASSERT(0, (int)wctype("vowel"));
  ASSERT('B', towctrans(L'b', wctrans("toupper")));
  ASSERT('b', towctrans(L'B', wctrans("tolower")));
  ASSERT(0, (int)wctrans("rot13"));
  printf("%lc%lc\n", (wint_t)'o', btowc('k'));
  return DONE();
}
