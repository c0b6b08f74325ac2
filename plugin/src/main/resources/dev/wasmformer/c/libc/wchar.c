/* <wchar.h>'s string functions. Comparisons give -1, 0 or 1 and compare wchar_t as signed
   ints, as glibc's do. Then the multibyte conversions, of <wchar.h> and <stdlib.h>, in UTF-8
   (glibc's "C" locale is ASCII, and refuses other bytes): a character is a code point up to
   0x10FFFF other than a surrogate, in its shortest encoding; anything else is EILSEQ. */
#include <errno.h>
#include <stdlib.h>
#include <wchar.h>

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    if (a[i] == 0) break;
  }
  return 0;
}

int wcscmp(const wchar_t *a, const wchar_t *b) {
  return wcsncmp(a, b, (size_t)-1);
}

wchar_t *wmemcpy(wchar_t *dest, const wchar_t *src, size_t n) {
  for (size_t i = 0; i < n; i++) dest[i] = src[i];
  return dest;
}

wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n) {
  if (dest < src) return wmemcpy(dest, src, n);
  while (n--) dest[n] = src[n];
  return dest;
}

wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; i++) s[i] = c;
  return s;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == c) return (wchar_t *)(s + i);
  }
  return NULL;
}

wchar_t *wcscpy(wchar_t *dest, const wchar_t *src) {
  return wmemcpy(dest, src, wcslen(src) + 1);
}

/* Copies at most n characters and pads with NULs to n, as strncpy. */
wchar_t *wcsncpy(wchar_t *dest, const wchar_t *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dest[i] = src[i];
  for (; i < n; i++) dest[i] = 0;
  return dest;
}

wchar_t *wcscat(wchar_t *dest, const wchar_t *src) {
  wcscpy(dest + wcslen(dest), src);
  return dest;
}

/* Appends at most n characters, then always a NUL. */
wchar_t *wcsncat(wchar_t *dest, const wchar_t *src, size_t n) {
  wchar_t *d = dest + wcslen(dest);
  size_t i = 0;
  for (; i < n && src[i]; i++) d[i] = src[i];
  d[i] = 0;
  return dest;
}

/* The terminating NUL is part of the string: wcschr(s, 0) finds it. */
wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; s++) {
    if (*s == c) return (wchar_t *)s;
    if (*s == 0) return NULL;
  }
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c) {
  const wchar_t *found = NULL;
  for (;; s++) {
    if (*s == c) found = s;
    if (*s == 0) return (wchar_t *)found;
  }
}

wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle) {
  size_t n = wcslen(needle);
  for (; *haystack; haystack++) {
    if (wmemcmp(haystack, needle, n) == 0) return (wchar_t *)haystack;
  }
  return n == 0 ? (wchar_t *)haystack : NULL;
}

wint_t btowc(int c) {
  return c >= 0 && c < 0x80 ? (wint_t)c : WEOF;
}

int wctob(wint_t c) {
  return c < 0x80 ? (int)c : -1;
}

int mbsinit(const mbstate_t *ps) {
  return ps == NULL || ps->__count == 0;
}

size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps) {
  static mbstate_t internal;
  if (ps == NULL) ps = &internal;
  if (s == NULL) {
    pwc = NULL;
    s = "";
    n = 1;
  }
  unsigned value = ps->__value, min = ps->__min;
  int count = ps->__count;
  size_t used = 0;
  if (count == 0) {
    if (n == 0) return (size_t)-2;
    unsigned b = (unsigned char)s[used++];
    if (b < 0x80) {
      if (pwc != NULL) *pwc = (wchar_t)b;
      return b != 0;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      value = b & 0x1f, count = 1, min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      value = b & 0x0f, count = 2, min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      value = b & 0x07, count = 3, min = 0x10000;
    } else {
      errno = EILSEQ;
      return (size_t)-1;
    }
  }
  for (; count > 0; count--) {
    if (used == n) {
      /* incomplete: the state keeps what was read */
      ps->__value = value, ps->__min = min, ps->__count = count;
      return (size_t)-2;
    }
    unsigned b = (unsigned char)s[used++];
    if ((b & 0xc0) != 0x80) break;
    value = value << 6 | (b & 0x3f);
  }
  ps->__count = 0;
  if (count > 0 || value < min || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
    errno = EILSEQ;
    return (size_t)-1;
  }
  if (pwc != NULL) *pwc = (wchar_t)value;
  return used;
}

size_t mbrlen(const char *s, size_t n, mbstate_t *ps) {
  static mbstate_t internal;
  return mbrtowc(NULL, s, n, ps != NULL ? ps : &internal);
}

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps) {
  if (ps != NULL) ps->__count = 0;
  if (s == NULL) return 1;
  unsigned c = (unsigned)wc;
  if (c < 0x80) {
    s[0] = (char)c;
    return 1;
  }
  if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
    errno = EILSEQ;
    return (size_t)-1;
  }
  size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  for (size_t i = n - 1; i > 0; i--, c >>= 6) s[i] = (char)(0x80 | (c & 0x3f));
  s[0] = (char)((0xf00 >> n) | c);
  return n;
}

size_t mbsrtowcs(wchar_t *dest, const char **src, size_t len, mbstate_t *ps) {
  static mbstate_t internal;
  if (ps == NULL) ps = &internal;
  const char *s = *src;
  size_t count = 0;
  while (dest == NULL || count < len) {
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, 4, ps);
    if (r == (size_t)-1) {
      if (dest != NULL) *src = s;
      return r;
    }
    if (r == 0) {
      if (dest != NULL) {
        dest[count] = 0;
        *src = NULL;
      }
      return count;
    }
    if (dest != NULL) dest[count] = wc;
    s += r;
    count++;
  }
  *src = s;
  return count;
}

size_t wcsrtombs(char *dest, const wchar_t **src, size_t len, mbstate_t *ps) {
  const wchar_t *w = *src;
  size_t count = 0;
  for (;; w++) {
    char bytes[4];
    size_t r = wcrtomb(bytes, *w, ps);
    if (r == (size_t)-1) {
      if (dest != NULL) *src = w;
      return r;
    }
    if (dest != NULL) {
      if (count + r > len) break;
      for (size_t i = 0; i < r; i++) dest[count + i] = bytes[i];
    }
    if (*w == 0) {
      if (dest != NULL) *src = NULL;
      return count;
    }
    count += r;
  }
  *src = w;
  return count;
}

/* <stdlib.h>'s forms: UTF-8 has no shift states, so each call starts afresh. */
int mblen(const char *s, size_t n) {
  return mbtowc(NULL, s, n);
}

int mbtowc(wchar_t *pwc, const char *s, size_t n) {
  if (s == NULL) return 0;
  mbstate_t state = {0, 0, 0};
  size_t r = mbrtowc(pwc, s, n, &state);
  if (r == (size_t)-2) {
    errno = EILSEQ;
    return -1;
  }
  return (int)r;
}

int wctomb(char *s, wchar_t wc) {
  if (s == NULL) return 0;
  return (int)wcrtomb(s, wc, NULL);
}

size_t mbstowcs(wchar_t *dest, const char *src, size_t n) {
  mbstate_t state = {0, 0, 0};
  return mbsrtowcs(dest, &src, n, &state);
}

size_t wcstombs(char *dest, const wchar_t *src, size_t n) {
  return wcsrtombs(dest, &src, n, NULL);
}

/*
 * The wide number conversions read what the narrow ones read: in the C locale a number is
 * ASCII. After the white space, the run of characters a number can hold (letters, digits,
 * . + - ( ) _) is copied to a narrow string for strtol & co., and their end mapped back.
 */
static int in_number(wchar_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+'
      || c == '-' || c == '(' || c == ')' || c == '_';
}

/* The narrow copy (from malloc; NULL when it fails) of the number at s, after *skip wide spaces. */
static char *narrow_number(const wchar_t *s, size_t *skip) {
  size_t i = 0, n = 0;
  while (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) i++;
  while (in_number(s[i + n])) n++;
  char *text = malloc(n + 1);
  if (text != NULL) {
    for (size_t k = 0; k < n; k++) text[k] = (char)s[i + k];
    text[n] = 0;
  }
  *skip = i;
  return text;
}

/* Sets *end from where the narrow conversion stopped (s itself when it read nothing). */
static void wide_end(const wchar_t *s, size_t skip, char *text, const char *stop, wchar_t **end) {
  if (end != NULL) *end = (wchar_t *)(stop == text ? s : s + skip + (stop - text));
  free(text);
}

/* wcstol & co.: the narrow function on the copy */
#define WIDE_INTEGER(type, name, narrow)                         \
  type name(const wchar_t *s, wchar_t **end, int base) {         \
    size_t skip;                                                 \
    char *text = narrow_number(s, &skip), *stop = text;          \
    type v = text != NULL ? narrow(text, &stop, base) : 0;       \
    wide_end(s, skip, text, stop, end);                          \
    return v;                                                    \
  }

WIDE_INTEGER(long, wcstol, strtol)
WIDE_INTEGER(unsigned long, wcstoul, strtoul)
WIDE_INTEGER(long long, wcstoll, strtoll)
WIDE_INTEGER(unsigned long long, wcstoull, strtoull)

/* wcstod and wcstof: the same, without a base */
#define WIDE_REAL(type, name, narrow)                            \
  type name(const wchar_t *s, wchar_t **end) {                   \
    size_t skip;                                                 \
    char *text = narrow_number(s, &skip), *stop = text;          \
    type v = text != NULL ? narrow(text, &stop) : 0;             \
    wide_end(s, skip, text, stop, end);                          \
    return v;                                                    \
  }

WIDE_REAL(double, wcstod, strtod)
WIDE_REAL(float, wcstof, strtof)

long double wcstold(const wchar_t *s, wchar_t **end) {
  return wcstod(s, end);
}
