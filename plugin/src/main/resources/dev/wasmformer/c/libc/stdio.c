/*
 * Streams of the wasmformer libc: stdout goes to env.putchar, stderr to env.putchar_err (a
 * stream of its own, RunResult.errorOutput), input comes from env.getchar.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int __wasmformer_putchar_err(int c) __attribute__((import_module("env"), import_name("putchar_err")));

#ifdef __WF_WIDE_STREAMS
#include <wchar.h>
/* wide characters ungetwc can push back before a read takes them (glibc's has no limit) */
#define WIDE_PUSHBACK 8
#endif

struct __wasmformer_file {
  int fd;
  int pushed_back;
  int eof; /* stdin only: a read met the end of the input (feof) */
#ifdef __WF_WIDE_STREAMS
  /* only in programs that name a wide input function or fwide (WideStreams.java) */
  int error;       /* ferror: a wide read met an encoding error, or a wide call a wrong stream */
  int orientation; /* fwide: 0 none yet, 1 wide, -1 byte (set by fwide only) */
  int wide_count;  /* wide characters pushed back, the last one on top */
  wchar_t wide_pushed[WIDE_PUSHBACK];
#endif
};

static FILE streams[3] = {{0, EOF}, {1, EOF}, {2, EOF}};
FILE *stdin = &streams[0];
FILE *stdout = &streams[1];
FILE *stderr = &streams[2];

int puts(const char *s) {
  while (*s) putchar(*s++);
  putchar('\n');
  return 1;
}

int fputc(int c, FILE *stream) {
  if (stream->fd == 0) return EOF;
  if (stream->fd == 2) {
    __wasmformer_putchar_err(c);
  } else {
    putchar(c);
  }
  return (unsigned char)c;
}

int putc(int c, FILE *stream) {
  return fputc(c, stream);
}

int fputs(const char *s, FILE *stream) {
  if (stream->fd == 0) return EOF;
  if (stream->fd == 2) {
    while (*s) __wasmformer_putchar_err(*s++);
  } else {
    while (*s) putchar(*s++);
  }
  return 1;
}

size_t fwrite(const void *ptr, size_t size, size_t count, FILE *stream) {
  const unsigned char *p = ptr;
  size_t n = size * count;
  if (stream->fd == 0) return 0;
  if (stream->fd == 2) {
    for (size_t i = 0; i < n; i++) __wasmformer_putchar_err(p[i]);
  } else {
    for (size_t i = 0; i < n; i++) putchar(p[i]);
  }
  return count;
}

int fgetc(FILE *stream) {
  if (stream->fd != 0) return EOF;
  if (stream->pushed_back != EOF) {
    int c = stream->pushed_back;
    stream->pushed_back = EOF;
    return c;
  }
  return getchar();
}

int getc(FILE *stream) {
  return fgetc(stream);
}

int __wasmformer_getchar(void) __attribute__((import_module("env"), import_name("getchar")));

/*
 * getchar as it must be once ungetc or feof exists: it takes stdin's pushed-back character
 * first, and notes the end of the input. The linker makes calls of getchar call this only in
 * programs that reach ungetc or feof (scanf does), so that every other program reads its
 * input with the bare import.
 */
int __wasmformer_getchar_unget(void) {
  if (stdin->pushed_back != EOF) {
    int c = stdin->pushed_back;
    stdin->pushed_back = EOF;
    return c;
  }
  int c = __wasmformer_getchar();
  if (c == EOF) stdin->eof = 1;
  return c;
}

int ungetc(int c, FILE *stream) {
  if (c == EOF || stream->fd != 0) return EOF;
  stream->pushed_back = (unsigned char)c;
  return c;
}

char *fgets(char *s, int size, FILE *stream) {
  int n = 0;
  if (size <= 0) return NULL;
  while (n < size - 1) {
    int c = fgetc(stream);
    if (c == EOF) break;
    s[n++] = (char)c;
    if (c == '\n') break;
  }
  if (n == 0) return NULL;
  s[n] = '\0';
  return s;
}

/*
 * POSIX: reads up to and including delim into *line, which it grows with realloc (allocates
 * when NULL, *size then counting from 0) and ends with a NUL; the count read, or -1 at the end
 * of the input or when the buffer cannot grow.
 */
ssize_t getdelim(char **line, size_t *size, int delim, FILE *stream) {
  if (line == NULL || size == NULL) {
    errno = EINVAL;
    return -1;
  }
  if (*line == NULL) *size = 0;
  size_t n = 0;
  for (;;) {
    if (n + 1 >= *size) {
      size_t grown = *size < 64 ? 128 : *size * 2;
      char *p = realloc(*line, grown);
      if (p == NULL) return -1;
      *line = p;
      *size = grown;
    }
    int c = fgetc(stream);
    if (c == EOF) break;
    (*line)[n++] = (char)c;
    if (c == (unsigned char)delim) break;
  }
  (*line)[n] = 0;
  return n == 0 ? -1 : (ssize_t)n;
}

ssize_t getline(char **line, size_t *size, FILE *stream) {
  return getdelim(line, size, '\n', stream);
}

int fflush(FILE *stream) {
  (void)stream;
  return 0;
}

size_t fread(void *ptr, size_t size, size_t count, FILE *stream) {
  unsigned char *p = ptr;
  if (size == 0 || count == 0) return 0;
  size_t n = size * count, i = 0;
  for (; i < n; i++) {
    int c = fgetc(stream);
    if (c == EOF) break;
    p[i] = (unsigned char)c;
  }
  return i / size;
}

int feof(FILE *stream) {
  return stream->fd == 0 && stream->eof;
}

int ferror(FILE *stream) {
#ifdef __WF_WIDE_STREAMS
  return stream->error;
#else
  (void)stream;
  return 0;
#endif
}

void clearerr(FILE *stream) {
  stream->eof = 0;
#ifdef __WF_WIDE_STREAMS
  stream->error = 0;
#endif
}

void perror(const char *s) {
  if (s && *s) {
    fputs(s, stderr);
    fputs(": ", stderr);
  }
  fputs(strerror(errno), stderr);
  fputc('\n', stderr);
}

/* A run has no files: only stdin, stdout and stderr. */
FILE *fopen(const char *path, const char *mode) {
  (void)path;
  (void)mode;
  errno = ENOENT;
  return NULL;
}

int fclose(FILE *stream) {
  (void)stream;
  return 0;
}

int fseek(FILE *stream, long offset, int whence) {
  (void)stream;
  (void)offset;
  (void)whence;
  errno = ESPIPE;
  return -1;
}

long ftell(FILE *stream) {
  (void)stream;
  errno = ESPIPE;
  return -1;
}

void rewind(FILE *stream) {
  clearerr(stream);
}

/* Output is unbuffered already: every byte is a token as it is written. */
int setvbuf(FILE *stream, char *buf, int mode, size_t size) {
  (void)stream;
  (void)buf;
  (void)mode;
  (void)size;
  return 0;
}

void setbuf(FILE *stream, char *buf) {
  (void)stream;
  (void)buf;
}

#ifdef __WF_WIDE_STREAMS
/*
 * Wide input in glibc's "C" locale, whose multibyte encoding is ASCII: a byte below 0x80 is
 * that character; any other is an encoding error (WEOF, errno EILSEQ, the error indicator),
 * which leaves the byte unread, so that every later wide read fails on it again, as glibc's.
 * A wide function orients an unoriented stream wide; on a byte-oriented one (fwide(f, -1)) it
 * fails without touching errno. Byte functions neither set nor check the orientation.
 */

/* fwide: mode > 0 asks for wide, < 0 for byte, 0 only asks; the answer is the orientation. */
int fwide(FILE *stream, int mode) {
  if (stream->orientation == 0 && mode != 0) stream->orientation = mode > 0 ? 1 : -1;
  return stream->orientation;
}

/* Orients an unoriented stream wide; whether the stream is wide (a wide call may go on). */
int __wasmformer_orient_wide(FILE *stream) {
  if (stream->orientation == 0) stream->orientation = 1;
  return stream->orientation > 0;
}

/* A wide call on a stream that cannot do it: EBADF and the error indicator, as glibc's. */
int __wasmformer_bad_stream(FILE *stream) {
  errno = EBADF;
  stream->error = 1;
  return -1;
}

wint_t fgetwc(FILE *stream) {
  if (!__wasmformer_orient_wide(stream)) return WEOF;
  if (stream->wide_count > 0) return (wint_t)stream->wide_pushed[--stream->wide_count];
  if (stream->fd != 0) {
    __wasmformer_bad_stream(stream);
    return WEOF;
  }
  int c = fgetc(stream);
  if (c == EOF) {
    stream->eof = 1;
    return WEOF;
  }
  if (c >= 0x80) {
    ungetc(c, stream);
    errno = EILSEQ;
    stream->error = 1;
    return WEOF;
  }
  return (wint_t)c;
}

wint_t getwc(FILE *stream) {
  return fgetwc(stream);
}

wint_t getwchar(void) {
  return fgetwc(stdin);
}

/* Any wide character can go back (not WEOF), on any stream; it clears the end-of-file indicator. */
wint_t ungetwc(wint_t c, FILE *stream) {
  __wasmformer_orient_wide(stream);
  if (c == WEOF || stream->wide_count == WIDE_PUSHBACK) return WEOF;
  stream->wide_pushed[stream->wide_count++] = (wchar_t)c;
  stream->eof = 0;
  return c;
}

/*
 * Reads up to size-1 characters, through a newline. NULL when nothing was read before the end
 * of the input, and after an encoding error even when characters were (they stay in s, without
 * a terminator), as glibc's; an error indicator set before the call does not count.
 */
wchar_t *fgetws(wchar_t *restrict s, int size, FILE *restrict stream) {
  if (size <= 0) return NULL;
  if (size == 1) {
    s[0] = 0;
    return s;
  }
  int old_error = stream->error, n = 0;
  stream->error = 0;
  while (n < size - 1) {
    wint_t c = fgetwc(stream);
    if (c == WEOF) break;
    s[n++] = (wchar_t)c;
    if (c == '\n') break;
  }
  int failed = n == 0 || stream->error;
  stream->error |= old_error;
  if (failed) return NULL;
  s[n] = 0;
  return s;
}
#endif
