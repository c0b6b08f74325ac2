/* scanf, fscanf, sscanf and their va_list forms: scan_engine.h over bytes. */
#include <stdio.h>

#define SCAN_CHAR char
#define SCAN_INT int
#define SCAN_EOF EOF
#define SCAN_CODE(x) ((unsigned char)(x))
#define SCAN_GETC fgetc
#define SCAN_UNGETC ungetc
#define SCAN_WIDE 0
#include "scan_engine.h"

int vsscanf(const char *s, const char *format, va_list ap) {
  struct scan_source in = {s, NULL, 0, 0, 0};
  return vscan(&in, format, ap);
}

int vfscanf(FILE *stream, const char *format, va_list ap) {
  struct scan_source in = {NULL, stream, 0, 0, 0};
  return vscan(&in, format, ap);
}

int vscanf(const char *format, va_list ap) {
  return vfscanf(stdin, format, ap);
}

int sscanf(const char *s, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vsscanf(s, format, ap);
  va_end(ap);
  return r;
}

int fscanf(FILE *stream, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vfscanf(stream, format, ap);
  va_end(ap);
  return r;
}

int scanf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vfscanf(stdin, format, ap);
  va_end(ap);
  return r;
}
