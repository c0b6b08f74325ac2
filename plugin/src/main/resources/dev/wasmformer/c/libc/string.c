/* Memory and string functions. Word-sized loops where alignment allows. */
#include <stdlib.h>
#include <errno.h>
#include <string.h>

void *memcpy(void *dest, const void *src, size_t n) {
  unsigned char *d = dest;
  const unsigned char *s = src;
  if ((((unsigned long)d | (unsigned long)s) & 3) == 0) {
    while (n >= 4) {
      *(unsigned *)d = *(const unsigned *)s;
      d += 4;
      s += 4;
      n -= 4;
    }
  }
  while (n--) *d++ = *s++;
  return dest;
}

void *memmove(void *dest, const void *src, size_t n) {
  unsigned char *d = dest;
  const unsigned char *s = src;
  if (d == s || n == 0) return dest;
  if (d < s || d >= s + n) return memcpy(dest, src, n);
  while (n--) d[n] = s[n];
  return dest;
}

void *memset(void *dest, int c, size_t n) {
  unsigned char *d = dest;
  unsigned char b = (unsigned char)c;
  if (((unsigned long)d & 3) == 0) {
    unsigned word = b * 0x01010101u;
    while (n >= 4) {
      *(unsigned *)d = word;
      d += 4;
      n -= 4;
    }
  }
  while (n--) *d++ = b;
  return dest;
}

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; i++) {
    if (x[i] != y[i]) return x[i] - y[i];
  }
  return 0;
}

void *memchr(const void *s, int c, size_t n) {
  const unsigned char *p = s;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == (unsigned char)c) return (void *)(p + i);
  }
  return NULL;
}

size_t strlen(const char *s) {
  const char *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max) {
  size_t n = 0;
  while (n < max && s[n]) n++;
  return n;
}

int strcmp(const char *a, const char *b) {
  while (*a && *a == *b) {
    a++;
    b++;
  }
  return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n) {
  for (; n > 0; n--, a++, b++) {
    if (*a != *b || *a == '\0') return (unsigned char)*a - (unsigned char)*b;
  }
  return 0;
}

char *strcpy(char *dest, const char *src) {
  char *d = dest;
  while ((*d++ = *src++) != '\0') {
  }
  return dest;
}

char *strncpy(char *dest, const char *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dest[i] = src[i];
  for (; i < n; i++) dest[i] = '\0';
  return dest;
}

char *strcat(char *dest, const char *src) {
  strcpy(dest + strlen(dest), src);
  return dest;
}

char *strncat(char *dest, const char *src, size_t n) {
  char *d = dest + strlen(dest);
  size_t i = 0;
  for (; i < n && src[i]; i++) d[i] = src[i];
  d[i] = '\0';
  return dest;
}

char *strchr(const char *s, int c) {
  for (;; s++) {
    if (*s == (char)c) return (char *)s;
    if (*s == '\0') return NULL;
  }
}

char *strrchr(const char *s, int c) {
  const char *found = NULL;
  for (;; s++) {
    if (*s == (char)c) found = s;
    if (*s == '\0') return (char *)found;
  }
}

char *strstr(const char *haystack, const char *needle) {
  size_t n = strlen(needle);
  if (n == 0) return (char *)haystack;
  for (; *haystack; haystack++) {
    if (*haystack == *needle && strncmp(haystack, needle, n) == 0) return (char *)haystack;
  }
  return NULL;
}

size_t strspn(const char *s, const char *accept) {
  size_t n = 0;
  while (s[n] && strchr(accept, s[n])) n++;
  return n;
}

size_t strcspn(const char *s, const char *reject) {
  size_t n = 0;
  while (s[n] && !strchr(reject, s[n])) n++;
  return n;
}

char *strpbrk(const char *s, const char *accept) {
  for (; *s; s++) {
    if (strchr(accept, *s)) return (char *)s;
  }
  return NULL;
}

char *strtok(char *s, const char *delim) {
  static char *next;
  if (s == NULL) s = next;
  if (s == NULL) return NULL;
  s += strspn(s, delim);
  if (*s == '\0') {
    next = NULL;
    return NULL;
  }
  char *end = s + strcspn(s, delim);
  if (*end) {
    *end = '\0';
    next = end + 1;
  } else {
    next = NULL;
  }
  return s;
}

/* strtok with its position in *save instead of a static (POSIX). */
char *strtok_r(char *s, const char *delim, char **save) {
  if (s == NULL) s = *save;
  if (s == NULL) return NULL;
  s += strspn(s, delim);
  if (*s == '\0') {
    *save = NULL;
    return NULL;
  }
  char *end = s + strcspn(s, delim);
  if (*end) {
    *end = '\0';
    *save = end + 1;
  } else {
    *save = NULL;
  }
  return s;
}

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* <strings.h>: comparisons that ignore ASCII case (POSIX). */
int strncasecmp(const char *a, const char *b, size_t n) {
  for (; n > 0; n--, a++, b++) {
    int d = lower((unsigned char)*a) - lower((unsigned char)*b);
    if (d != 0 || *a == '\0') return d;
  }
  return 0;
}

int strcasecmp(const char *a, const char *b) {
  return strncasecmp(a, b, (size_t)-1);
}

char *strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p != NULL) memcpy(p, s, n);
  return p;
}

char *strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = malloc(len + 1);
  if (p != NULL) {
    memcpy(p, s, len);
    p[len] = '\0';
  }
  return p;
}

/* glibc's texts, for the values <errno.h> defines. */
char *strerror(int errnum) {
  static char unknown[32];
  switch (errnum) {
    case 0: return "Success";
    case ENOENT: return "No such file or directory";
    case EBADF: return "Bad file descriptor";
    case ENOMEM: return "Cannot allocate memory";
    case EINVAL: return "Invalid argument";
    case ESPIPE: return "Illegal seek";
    case EDOM: return "Numerical argument out of domain";
    case ERANGE: return "Numerical result out of range";
  }
  char digits[12];
  int n = 0;
  unsigned v = errnum < 0 ? 0u - (unsigned)errnum : (unsigned)errnum;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  char *p = unknown;
  for (const char *t = "Unknown error "; *t; t++) *p++ = *t;
  if (errnum < 0) *p++ = '-';
  while (n > 0) *p++ = digits[--n];
  *p = 0;
  return unknown;
}
