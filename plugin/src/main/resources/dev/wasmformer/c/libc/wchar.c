/* <wchar.h>'s string functions. Comparisons give -1, 0 or 1 and compare wchar_t as signed
   ints, as glibc's do. */
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
