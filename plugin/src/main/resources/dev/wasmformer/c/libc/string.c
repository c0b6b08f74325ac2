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

/* glibc's text for each errno value (0 .. EHWPOISON); 0 where Linux has no value */
static const char *const messages[] = {
    "Success", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted system call", "Input/output error", "No such device or address", "Argument list too long",
    "Exec format error", "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
    "Cannot allocate memory", "Permission denied", "Bad address", "Block device required",
    "Device or resource busy", "File exists", "Invalid cross-device link", "No such device",
    "Not a directory", "Is a directory", "Invalid argument", "Too many open files in system",
    "Too many open files", "Inappropriate ioctl for device", "Text file busy", "File too large",
    "No space left on device", "Illegal seek", "Read-only file system", "Too many links", "Broken pipe",
    "Numerical argument out of domain", "Numerical result out of range", "Resource deadlock avoided",
    "File name too long", "No locks available", "Function not implemented", "Directory not empty",
    "Too many levels of symbolic links", 0, "No message of desired type", "Identifier removed",
    "Channel number out of range", "Level 2 not synchronized", "Level 3 halted", "Level 3 reset",
    "Link number out of range", "Protocol driver not attached", "No CSI structure available",
    "Level 2 halted", "Invalid exchange", "Invalid request descriptor", "Exchange full", "No anode",
    "Invalid request code", "Invalid slot", 0, "Bad font file format", "Device not a stream",
    "No data available", "Timer expired", "Out of streams resources", "Machine is not on the network",
    "Package not installed", "Object is remote", "Link has been severed", "Advertise error",
    "Srmount error", "Communication error on send", "Protocol error", "Multihop attempted",
    "RFS specific error", "Bad message", "Value too large for defined data type",
    "Name not unique on network", "File descriptor in bad state", "Remote address changed",
    "Can not access a needed shared library", "Accessing a corrupted shared library",
    ".lib section in a.out corrupted", "Attempting to link in too many shared libraries",
    "Cannot exec a shared library directly", "Invalid or incomplete multibyte or wide character",
    "Interrupted system call should be restarted", "Streams pipe error", "Too many users",
    "Socket operation on non-socket", "Destination address required", "Message too long",
    "Protocol wrong type for socket", "Protocol not available", "Protocol not supported",
    "Socket type not supported", "Operation not supported", "Protocol family not supported",
    "Address family not supported by protocol", "Address already in use", "Cannot assign requested address",
    "Network is down", "Network is unreachable", "Network dropped connection on reset",
    "Software caused connection abort", "Connection reset by peer", "No buffer space available",
    "Transport endpoint is already connected", "Transport endpoint is not connected",
    "Cannot send after transport endpoint shutdown", "Too many references: cannot splice",
    "Connection timed out", "Connection refused", "Host is down", "No route to host",
    "Operation already in progress", "Operation now in progress", "Stale file handle",
    "Structure needs cleaning", "Not a XENIX named type file", "No XENIX semaphores available",
    "Is a named type file", "Remote I/O error", "Disk quota exceeded", "No medium found",
    "Wrong medium type", "Operation canceled", "Required key not available", "Key has expired",
    "Key has been revoked", "Key was rejected by service", "Owner died", "State not recoverable",
    "Operation not possible due to RF-kill", "Memory page has hardware error"};

/* glibc's text for errnum, or NULL for a value that has none. */
static const char *error_text(int errnum) {
  if (errnum >= 0 && errnum < (int)(sizeof messages / sizeof messages[0])) return messages[errnum];
  return NULL;
}

/* Writes "Unknown error N" into out (26 bytes at the most, its NUL included). */
static void unknown_error(int errnum, char *out) {
  char digits[12];
  int n = 0;
  unsigned v = errnum < 0 ? 0u - (unsigned)errnum : (unsigned)errnum;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  for (const char *t = "Unknown error "; *t; t++) *out++ = *t;
  if (errnum < 0) *out++ = '-';
  while (n > 0) *out++ = digits[--n];
  *out = 0;
}

char *strerror(int errnum) {
  static char unknown[32];
  const char *text = error_text(errnum);
  if (text != NULL) return (char *)text;
  unknown_error(errnum, unknown);
  return unknown;
}

/* Copies text into buf of size n, cut to n - 1 bytes, terminated (nothing when n is 0); whether it fitted. */
static int copy_cut(char *buf, size_t n, const char *text) {
  if (n == 0) return 0;
  size_t len = strlen(text);
  size_t keep = len < n ? len : n - 1;
  memcpy(buf, text, keep);
  buf[keep] = 0;
  return keep == len;
}

/* The XSI strerror_r (<string.h> names it so without _GNU_SOURCE, as glibc does for C): the
   text in buf, cut to fit; 0, ERANGE when it was cut, EINVAL (with "Unknown error N", also cut)
   for a value with no text. errno is left alone. */
int __xpg_strerror_r(int errnum, char *buf, size_t buflen) {
  const char *text = error_text(errnum);
  if (text == NULL) {
    char unknown[32];
    unknown_error(errnum, unknown);
    copy_cut(buf, buflen, unknown);
    return EINVAL;
  }
  return copy_cut(buf, buflen, text) ? 0 : ERANGE;
}

#undef strerror_r   /* <string.h> names the XSI form so for this file */
/* The GNU strerror_r (with _GNU_SOURCE): glibc's text itself, buf untouched; for a value with
   no text, "Unknown error N" in buf, cut to fit, and buf. */
char *strerror_r(int errnum, char *buf, size_t buflen) {
  const char *text = error_text(errnum);
  if (text != NULL) return (char *)text;
  char unknown[32];
  unknown_error(errnum, unknown);
  copy_cut(buf, buflen, unknown);
  return buf;
}

/* glibc's name of each errno value (0 .. EHWPOISON), as strerrorname_np gives it: the first name
   <errno.h> defines for the value (EAGAIN, not EWOULDBLOCK); 0 where Linux has no value */
static const char *const names[] = {
    "0", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN",
    "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL",
    "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM",
    "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", 0, "ENOMSG", "EIDRM", "ECHRNG",
    "EL2NSYNC", "EL3HLT", "EL3RST", "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT", "EBADE", "EBADR", "EXFULL", "ENOANO",
    "EBADRQC", "EBADSLT", 0, "EBFONT", "ENOSTR", "ENODATA", "ETIME", "ENOSR", "ENONET", "ENOPKG", "EREMOTE",
    "ENOLINK", "EADV", "ESRMNT", "ECOMM", "EPROTO", "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ",
    "EBADFD", "EREMCHG", "ELIBACC", "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC", "EILSEQ", "ERESTART", "ESTRPIPE",
    "EUSERS", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT",
    "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN",
    "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN",
    "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS", "ESTALE",
    "EUCLEAN", "ENOTNAM", "ENAVAIL", "EISNAM", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED",
    "ENOKEY", "EKEYEXPIRED", "EKEYREVOKED", "EKEYREJECTED", "EOWNERDEAD", "ENOTRECOVERABLE", "ERFKILL", "EHWPOISON"};

/* glibc 2.32's: the macro name of errnum ("0" for 0), or NULL for a value with none. */
const char *strerrorname_np(int errnum) {
  if (errnum >= 0 && errnum < (int)(sizeof names / sizeof names[0])) return names[errnum];
  return NULL;
}

/* glibc 2.32's: strerror's text for errnum, or NULL (not "Unknown error N") for a value with none. */
const char *strerrordesc_np(int errnum) {
  return error_text(errnum);
}
