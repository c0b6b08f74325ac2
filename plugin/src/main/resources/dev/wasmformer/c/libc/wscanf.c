/*
 * wscanf, fwscanf, swscanf and their va_list forms, in glibc's "C" locale: scan_engine.h over
 * wide characters, with its wide rules. Compiled only for programs that name a wide input
 * function (WideStreams.java).
 */
#ifdef __WF_WIDE_STREAMS
#include <stdio.h>
#include <wchar.h>

#define SCAN_CHAR wchar_t
#define SCAN_INT wint_t
#define SCAN_EOF WEOF
#define SCAN_CODE(x) ((wint_t)(x))
#define SCAN_GETC fgetwc
#define SCAN_UNGETC ungetwc
#define SCAN_WIDE 1
#include "scan_engine.h"

int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, va_list ap) {
  struct scan_source in = {s, NULL, 0, 0, 0};
  return vscan(&in, fmt, ap);
}

int vfwscanf(FILE *restrict stream, const wchar_t *restrict fmt, va_list ap) {
  struct scan_source in = {NULL, stream, 0, 0, 0};
  return vscan(&in, fmt, ap);
}

int vwscanf(const wchar_t *restrict fmt, va_list ap) {
  return vfwscanf(stdin, fmt, ap);
}

int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswscanf(s, fmt, ap);
  va_end(ap);
  return r;
}

int fwscanf(FILE *restrict stream, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf(stream, fmt, ap);
  va_end(ap);
  return r;
}

int wscanf(const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}
#endif
