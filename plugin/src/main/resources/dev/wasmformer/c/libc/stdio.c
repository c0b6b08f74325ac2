/*
 * Streams of the wasmformer libc: stdout goes to env.putchar, stderr to env.putchar_err (a
 * stream of its own, RunResult.errorOutput), input comes from env.getchar.
 */
#include <stdio.h>
#include <string.h>

int __wasmformer_putchar_err(int c) __attribute__((import_module("env"), import_name("putchar_err")));

struct __wasmformer_file {
  int fd;
  int pushed_back;
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
 * getchar as it must be once ungetc exists: it takes stdin's pushed-back character first.
 * The linker makes calls of getchar call this only in programs that reach ungetc (scanf
 * does), so that every other program reads its input with the bare import.
 */
int __wasmformer_getchar_unget(void) {
  if (stdin->pushed_back != EOF) {
    int c = stdin->pushed_back;
    stdin->pushed_back = EOF;
    return c;
  }
  return __wasmformer_getchar();
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

int fflush(FILE *stream) {
  (void)stream;
  return 0;
}
