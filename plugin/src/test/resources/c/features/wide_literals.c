/* Wide and Unicode literals: L"", u"", U"", u8"", L'', u'', U'', their types, sizes,
   escapes, universal character names, UTF-8 source text, concatenation, initialization.
   (clang refuses u'\U0001F600' and u"\x12345", which gcc takes with a warning: LiteralsTest
   checks those.) */
#include <stddef.h>
#include <uchar.h>
#include <wchar.h>
#include "test.h"

static wchar_t global[] = L"héllo";
static const char16_t *g16 = u"a\u00e9\U0001F600z";
static const char32_t g32[] = U"\U0001F600€";
static const wchar_t *table[] = {L"one", L"two", L"three"};
static struct {
  int tag;
  wchar_t name[6];
  char16_t short_name[3];
} record = {7, L"ab", u"xyz"};

/* Prints the code points of a wide string, so that the output is plain ASCII. */
static void dump(const wchar_t *s) {
  for (; *s; s++) printf(" %x", (unsigned)*s);
  printf("\n");
}

int main(void) {
  /* types and sizes */
  ASSERT(4, sizeof(wchar_t));
  ASSERT(2, sizeof(char16_t));
  ASSERT(4, sizeof(char32_t));
  ASSERT(4, sizeof(L'a'));
  ASSERT(2, sizeof(u'a'));
  ASSERT(4, sizeof(U'a'));
  ASSERT(4, sizeof('a'));
  ASSERT(24, sizeof(L"hello"));
  ASSERT(12, sizeof(u"hello"));
  ASSERT(8, sizeof(U"a"));
  ASSERT(3, sizeof(u8"ab"));
  ASSERT(6, sizeof(global) / sizeof(global[0]));
  ASSERT(1, (wchar_t)-1 < 0);
  ASSERT(1, (char16_t)-1 > 0);
  ASSERT(1, u'\xffff' > 0);
  ASSERT(1, L'\xffffffff' < 0);
  ASSERT(1, U'\xffffffff' > 0);

  /* values: escapes, UCNs, UTF-8 source text */
  ASSERT(0xe9, L'é');
  ASSERT(0xe9, L'\u00e9');
  ASSERT(0x20ac, u'€');
  ASSERT(0x1F600, U'\U0001F600');
  ASSERT(0x1F600, U'😀');
  ASSERT(0x41, L'\x41');
  ASSERT(8, L'\10');
  ASSERT('\n', L'\n');
  ASSERT(0x12345678, L'\x12345678');
  ASSERT(-1, L'\xffffffff');
  ASSERT(0x68, global[0]);
  ASSERT(0xe9, global[1]);
  ASSERT(0, global[5]);
  ASSERT(0xe9, g16[1]);
  ASSERT(0xD83D, g16[2]);
  ASSERT(0xDE00, g16[3]);
  ASSERT('z', g16[4]);
  ASSERT(0, g16[5]);
  ASSERT(0x1F600, g32[0]);
  ASSERT(0x20ac, g32[1]);
  ASSERT(3, sizeof(g32) / sizeof(g32[0]));

  /* u8 and narrow strings: UTF-8 bytes, also from a UCN */
  const char *u8 = u8"é\u20ac";
  ASSERT(0xc3, (unsigned char)u8[0]);
  ASSERT(0xa9, (unsigned char)u8[1]);
  ASSERT(0xe2, (unsigned char)u8[2]);
  ASSERT(0x82, (unsigned char)u8[3]);
  ASSERT(0xac, (unsigned char)u8[4]);
  ASSERT(0, u8[5]);
  ASSERT(4, sizeof("\u00e9\x41"));

  /* concatenation: a prefix wins over none, each part decoded in the prefix's encoding */
  const wchar_t *cat = L"ab" "\xe9" L"c" "é";
  dump(cat);
  ASSERT(5, wcslen(cat));
  ASSERT(10, sizeof("ab" u"c" "d"));
  ASSERT(16, sizeof(U"x" "y" "z"));
  ASSERT(4, sizeof(u8"a" "b" "c"));

  /* initialization: sizes, padding with zeros, the NUL dropped when it does not fit */
  wchar_t local[8] = L"abc";
  ASSERT(32, sizeof(local));
  ASSERT('c', local[2]);
  ASSERT(0, local[3]);
  ASSERT(0, local[7]);
  wchar_t exact[3] = L"xyz";
  ASSERT('z', exact[2]);
  char16_t buf16[] = u"hi";
  ASSERT(3, sizeof(buf16) / sizeof(buf16[0]));
  char32_t braced[] = {U"ok"};
  ASSERT(3, sizeof(braced) / sizeof(braced[0]));
  wchar_t grid[2][4] = {L"ab", L"cde"};
  ASSERT('e', grid[1][2]);
  ASSERT(0, grid[0][2]);
  ASSERT(7, record.tag);
  ASSERT('b', record.name[1]);
  ASSERT(0, record.name[5]);
  ASSERT('z', record.short_name[2]);
  dump(table[2]);
  dump(L"\u00e9t\u00e9");

  /* wide strings are aligned and shared like narrow ones */
  ASSERT(0, (unsigned long)L"q" % 4);
  ASSERT(0, (unsigned long)u"q" % 2);
  const int *same = L"abc";
  ASSERT('b', same[1]);
  printf("%d assertions\n", assertions);
  return 0;
}
